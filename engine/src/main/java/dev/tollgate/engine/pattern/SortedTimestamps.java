package dev.tollgate.engine.pattern;

import java.util.Arrays;

/**
 * Distinct timestamps kept ascending in a {@code long[]}: the pattern operator's index of its
 * buffered events, read with one state lookup instead of a scan of the buffer's keys (a scan costs
 * a RocksDB iterator seek per call, and the buffer is drained once per event timestamp).
 */
final class SortedTimestamps {
  private static final long[] NONE = new long[0];

  private SortedTimestamps() {}

  /** {@code sorted} (null for none) with {@code timestamp} added, unless already there. */
  static long[] insert(long[] sorted, long timestamp) {
    if (sorted == null) {
      sorted = NONE;
    }
    int at = Arrays.binarySearch(sorted, timestamp);
    if (at >= 0) {
      return sorted;
    }
    int insertAt = -at - 1;
    long[] grown = new long[sorted.length + 1];
    System.arraycopy(sorted, 0, grown, 0, insertAt);
    grown[insertAt] = timestamp;
    System.arraycopy(sorted, insertAt, grown, insertAt + 1, sorted.length - insertAt);
    return grown;
  }

  /** How many of {@code sorted} (null for none) are at or before {@code time}. */
  static int countAtOrBefore(long[] sorted, long time) {
    if (sorted == null) {
      return 0;
    }
    int count = 0;
    while (count < sorted.length && sorted[count] <= time) {
      count++;
    }
    return count;
  }
}
