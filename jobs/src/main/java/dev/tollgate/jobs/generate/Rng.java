package dev.tollgate.jobs.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded draws the generator makes. Transcendental functions go through {@link StrictMath} because
 * {@link Math} may differ in the last bit between JVMs, and the same seed must give the same bytes
 * everywhere.
 */
final class Rng {
  private final SplittableRandom random;

  Rng(long seed) {
    this(new SplittableRandom(seed));
  }

  private Rng(SplittableRandom random) {
    this.random = random;
  }

  /** An independent stream, so one domain's draws never shift another's. */
  Rng split() {
    return new Rng(random.split());
  }

  double uniform() {
    return random.nextDouble();
  }

  double between(double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  /** Uniform in {@code [0, bound)}. */
  int below(int bound) {
    return random.nextInt(bound);
  }

  /** Uniform in {@code [low, high]}, both inclusive. */
  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  /** A span of time, uniform in {@code [low, high]} milliseconds. */
  long millis(long low, long high) {
    return low + (long) ((high - low) * random.nextDouble());
  }

  long nextLong() {
    return random.nextLong();
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** Standard normal draw (Box-Muller). */
  double gaussian() {
    double u = 1.0 - random.nextDouble(); // (0, 1]: log(0) would be infinite
    double v = random.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
  }

  /** Log-normal draw: half the values fall below {@code median}; sigma is the spread of the log. */
  double logNormal(double median, double sigma) {
    return median * StrictMath.exp(sigma * gaussian());
  }

  /** Exponential draw with the given mean, the gap between Poisson arrivals. */
  double exponential(double mean) {
    return -mean * StrictMath.log(1.0 - random.nextDouble());
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
