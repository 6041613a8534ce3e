package dev.tollgate.engine.window;

import java.util.List;

/**
 * Sets of rule indexes, by position in one operator's rule list, as {@code long[]} bit sets: the
 * form they take in keyed state ({@code LongPrimitiveArraySerializer}: no Kryo, no serializer of
 * our own). Word 0 holds a fingerprint of the rule list (each rule's state name, in order), so a
 * set written under another rule list — a savepoint restored after rules were added, removed or
 * changed version — is recognised and not misread: {@link #read} gives null for it, as for a key
 * with no set. Sets in state are never changed in place: every change returns a new array.
 */
final class RuleBits {
  private static final int FINGERPRINT = 0;
  private static final int FIRST_WORD = 1;

  private final long fingerprint;
  private final int words;

  /** @param ruleStateNames each rule's state name, in the operator's rule order */
  RuleBits(List<String> ruleStateNames) {
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

  /** {@code stored} if it was written for this rule list, else null. */
  long[] read(long[] stored) {
    return stored != null && stored.length == words && stored[FINGERPRINT] == fingerprint ? stored : null;
  }

  /** {@code bits} (null: the empty set) with {@code rule} added, as a new array. */
  long[] with(long[] bits, int rule) {
    long[] result = bits == null ? empty() : bits.clone();
    result[FIRST_WORD + (rule >>> 6)] |= 1L << rule;
    return result;
  }

  /** The rules in either set, as a new array. */
  long[] union(long[] a, long[] b) {
    long[] result = empty();
    for (int i = FIRST_WORD; i < words; i++) {
      result[i] = (a == null ? 0 : a[i]) | (b == null ? 0 : b[i]);
    }
    return result;
  }

  /** {@code bits} without {@code rule}, as a new array; null if nothing is left. */
  long[] without(long[] bits, int rule) {
    long[] result = bits.clone();
    result[FIRST_WORD + (rule >>> 6)] &= ~(1L << rule);
    return isEmpty(result) ? null : result;
  }

  /** The first rule at or after {@code from} in the set, or -1. */
  int next(long[] bits, int from) {
    if (bits == null) {
      return -1;
    }
    int word = FIRST_WORD + (from >>> 6);
    if (word >= words) {
      return -1;
    }
    long remaining = bits[word] & (-1L << from);
    while (true) {
      if (remaining != 0) {
        return ((word - FIRST_WORD) << 6) + Long.numberOfTrailingZeros(remaining);
      }
      if (++word == words) {
        return -1;
      }
      remaining = bits[word];
    }
  }

  private boolean isEmpty(long[] bits) {
    for (int i = FIRST_WORD; i < words; i++) {
      if (bits[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private long[] empty() {
    long[] bits = new long[words];
    bits[FINGERPRINT] = fingerprint;
    return bits;
  }
}
