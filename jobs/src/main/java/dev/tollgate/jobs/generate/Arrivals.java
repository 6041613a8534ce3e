package dev.tollgate.jobs.generate;

/**
 * Poisson arrivals of one domain's background activity with a daily rhythm: busiest in the European
 * afternoon and American morning (14:00 UTC), quietest ten hours later.
 */
final class Arrivals implements Activity {
  /** How far the rate swings either side of its mean over a day. */
  private static final double DAILY_SWING = 0.35;
  private static final double PEAK_HOUR_UTC = 14;

  private final TrafficDomain domain;
  private final double meanGapAtPeak;
  private final Rng rng;
  private double cursor;

  /**
   * @param eventsPerMilli how many of the domain's events to produce per millisecond on average
   */
  Arrivals(TrafficDomain domain, double eventsPerMilli, Rng rng) {
    double arrivalsPerMilli = eventsPerMilli / domain.eventsPerArrival();
    this.domain = domain;
    this.meanGapAtPeak = 1.0 / (arrivalsPerMilli * (1 + DAILY_SWING));
    this.rng = rng;
  }

  void start(Simulation simulation, long from) {
    cursor = from;
    simulation.at(next(), this);
  }

  @Override
  public void run(Simulation simulation) {
    domain.arrive(simulation);
    simulation.at(next(), this);
  }

  /** Draws at the peak rate and keeps each arrival with the rhythm's probability (thinning). */
  private long next() {
    do {
      cursor += rng.exponential(meanGapAtPeak);
    } while (rng.uniform() * (1 + DAILY_SWING) > intensity(cursor));
    return (long) cursor;
  }

  private static double intensity(double epochMillis) {
    double hour = (epochMillis % Millis.DAY) / Millis.HOUR;
    return 1 + DAILY_SWING * StrictMath.cos(2 * Math.PI * (hour - PEAK_HOUR_UTC) / 24);
  }
}
