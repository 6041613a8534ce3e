package dev.tollgate.jobs.generate;

import java.util.Arrays;

/**
 * Draws entity indexes with Zipf-Mandelbrot popularity: a few entities are very active, most are seldom
 * seen. The offset flattens the head so the busiest entity stays plausible (a heavy customer, not a bot).
 * Ranks are scattered over indexes so the busiest entities are not simply the first ones.
 */
final class Zipf {
  private final int size;
  private final double[] cumulative;
  private final long stride;

  Zipf(int size, double exponent, double offset) {
    if (size < 1) {
      throw new IllegalArgumentException("a Zipf population needs at least one entity");
    }
    this.size = size;
    this.cumulative = new double[size];
    double total = 0;
    for (int rank = 0; rank < size; rank++) {
      total += 1.0 / StrictMath.pow(rank + 1 + offset, exponent);
      cumulative[rank] = total;
    }
    this.stride = strideCoprimeWith(size);
  }

  int size() {
    return size;
  }

  int sample(Rng rng) {
    double target = rng.uniform() * cumulative[size - 1];
    int i = Arrays.binarySearch(cumulative, target);
    int rank = Math.min(i >= 0 ? i + 1 : -i - 1, size - 1);
    return (int) ((rank * stride) % size);
  }

  private static long strideCoprimeWith(int size) {
    long stride = (long) (size * 0.6180339887) | 1;
    while (gcd(stride, size) != 1) {
      stride += 2;
    }
    return stride;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
