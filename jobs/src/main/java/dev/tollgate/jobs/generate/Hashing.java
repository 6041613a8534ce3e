package dev.tollgate.jobs.generate;

/**
 * Stable attributes of entities (a customer's devices, payees) derived from their index instead of
 * stored, so populations of hundreds of thousands cost a few arrays.
 */
final class Hashing {
  private Hashing() {}

  /** The SplitMix64 finalizer: a bijection that scatters nearby inputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long of(long a, long b) {
    return mix(mix(a) + 0x9E3779B97F4A7C15L * (b + 1));
  }

  static long of(long a, long b, long c) {
    return of(of(a, b), c);
  }

  /** A hash as a uniform draw in {@code [0, 1)}. */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  /** A hash as a uniform index in {@code [0, bound)}. */
  static int index(long hash, int bound) {
    return (int) ((hash >>> 33) % bound);
  }
}
