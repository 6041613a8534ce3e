package dev.tollgate.jobs.generate;

/**
 * Draws entity indexes with Zipf-Mandelbrot popularity: a few entities are very active, most are seldom
 * seen. The offset flattens the head so the busiest entity stays plausible (a heavy customer, not a bot).
 * Ranks are scattered over indexes so the busiest entities are not simply the first ones.
 *
 * <p>Draws use Walker's alias method: one random number and two array reads per draw, where a search of the
 * cumulative distribution over a few hundred thousand entities would miss the cache a dozen times.
 */
final class Zipf {
  private final int size;
  private final double[] keep;
  private final int[] alias;
  private final long stride;

  Zipf(int size, double exponent, double offset) {
    if (size < 1) {
      throw new IllegalArgumentException("a Zipf population needs at least one entity");
    }
    this.size = size;
    double[] weight = new double[size];
    double total = 0;
    for (int rank = 0; rank < size; rank++) {
      weight[rank] = 1.0 / StrictMath.pow(rank + 1 + offset, exponent);
      total += weight[rank];
    }
    this.keep = new double[size];
    this.alias = new int[size];
    buildAliasTable(weight, total);
    this.stride = strideCoprimeWith(size);
  }

  /** Vose's construction: every column holds its own share and tops up from one larger rank. */
  private void buildAliasTable(double[] weight, double total) {
    int[] small = new int[size];
    int[] large = new int[size];
    int smalls = 0;
    int larges = 0;
    for (int rank = 0; rank < size; rank++) {
      keep[rank] = weight[rank] * size / total;
      if (keep[rank] < 1.0) {
        small[smalls++] = rank;
      } else {
        large[larges++] = rank;
      }
    }
    while (smalls > 0 && larges > 0) {
      int low = small[--smalls];
      int high = large[--larges];
      alias[low] = high;
      keep[high] -= 1.0 - keep[low];
      if (keep[high] < 1.0) {
        small[smalls++] = high;
      } else {
        large[larges++] = high;
      }
    }
    while (larges > 0) {
      int rank = large[--larges];
      keep[rank] = 1.0;
      alias[rank] = rank;
    }
    while (smalls > 0) { // only rounding leaves a column here: it is full
      int rank = small[--smalls];
      keep[rank] = 1.0;
      alias[rank] = rank;
    }
  }

  int size() {
    return size;
  }

  int sample(Rng rng) {
    double column = rng.uniform() * size;
    int rank = Math.min((int) column, size - 1);
    if (column - rank >= keep[rank]) {
      rank = alias[rank];
    }
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
