package dev.tollgate.engine.window;

import java.util.List;

/**
 * What a key holds across the windowed rules of one operator, as one {@code long[]} in keyed state
 * ({@code LongPrimitiveArraySerializer}: no Kryo, no serializer of our own): word 0 is the time of
 * the key's one cleanup timer, word 1 a fingerprint of the operator's rule list (each rule's state
 * name, in order), then the rules holding a window for the key as bits by rule index.
 *
 * <p>One value for both, so a key costs the same state reads and writes as a cleanup time alone:
 * read when a rule starts a window for the key and when the timer fires, written when the set or
 * the timer changes. A record written under another rule list — a savepoint restored after rules
 * were added, removed or given a new version — keeps its timer but its bits are not trusted
 * ({@link #indexed}): the operator finds the key's windows again by reading every rule's summary.
 * Records in state are never changed in place: every change returns a new array.
 */
final class KeyWindows {
  private static final int CLEANUP_AT = 0;
  private static final int FINGERPRINT = 1;
  private static final int FIRST_WORD = 2;

  private final long fingerprint;
  private final int words;

  /** @param ruleStateNames each rule's state name, in the operator's rule order */
  KeyWindows(List<String> ruleStateNames) {
    long hash = 1_125_899_906_842_597L;
    for (String name : ruleStateNames) {
      for (int i = 0; i < name.length(); i++) {
        hash = 31 * hash + name.charAt(i);
      }
      hash = 31 * hash + '\n';
    }
    this.fingerprint = hash;
    this.words = FIRST_WORD + ((ruleStateNames.size() + 63) >>> 6);
  }

  /** A record with the cleanup timer at {@code cleanupAt} and no rules. */
  long[] create(long cleanupAt) {
    long[] record = new long[words];
    record[CLEANUP_AT] = cleanupAt;
    record[FINGERPRINT] = fingerprint;
    return record;
  }

  static long cleanupAt(long[] record) {
    return record[CLEANUP_AT];
  }

  /** Whether the record's rule bits were written for this operator's rule list. */
  boolean indexed(long[] record) {
    return record.length == words && record[FINGERPRINT] == fingerprint;
  }

  /** {@code record} (indexed) with {@code rule} added. */
  long[] with(long[] record, int rule) {
    long[] result = record.clone();
    result[FIRST_WORD + (rule >>> 6)] |= 1L << rule;
    return result;
  }

  /** {@code record} (indexed) without {@code rule}. */
  long[] without(long[] record, int rule) {
    long[] result = record.clone();
    result[FIRST_WORD + (rule >>> 6)] &= ~(1L << rule);
    return result;
  }

  /** {@code record} with the cleanup timer at {@code cleanupAt}. */
  static long[] withCleanupAt(long[] record, long cleanupAt) {
    long[] result = record.clone();
    result[CLEANUP_AT] = cleanupAt;
    return result;
  }

  /** The first rule at or after {@code from} in the record (indexed), or -1. */
  int next(long[] record, int from) {
    int word = FIRST_WORD + (from >>> 6);
    if (word >= words) {
      return -1;
    }
    long remaining = record[word] & (-1L << from);
    while (true) {
      if (remaining != 0) {
        return ((word - FIRST_WORD) << 6) + Long.numberOfTrailingZeros(remaining);
      }
      if (++word == words) {
        return -1;
      }
      remaining = record[word];
    }
  }

  /** Whether the record (indexed) names any rule. */
  boolean holdsAny(long[] record) {
    for (int i = FIRST_WORD; i < words; i++) {
      if (record[i] != 0) {
        return true;
      }
    }
    return false;
  }
}
