package dev.tollgate.jobs.generate;

import java.util.Arrays;

/** Moments of the events of one injected instance. */
final class Times {
  private Times() {}

  /** {@code count} moments: the first at {@code first}, the others at random within the following {@code window}. */
  static long[] spread(long first, int count, long window, Rng rng) {
    long[] times = new long[count];
    times[0] = first;
    for (int i = 1; i < count; i++) {
      times[i] = first + rng.millis(Millis.MINUTE, window);
    }
    Arrays.sort(times);
    return times;
  }

  /** {@code count} moments from {@code first}, each a random gap in {@code [minGap, maxGap]} after the previous. */
  static long[] paced(long first, int count, long minGap, long maxGap, Rng rng) {
    long[] times = new long[count];
    times[0] = first;
    for (int i = 1; i < count; i++) {
      times[i] = times[i - 1] + rng.millis(minGap, maxGap);
    }
    return times;
  }
}
