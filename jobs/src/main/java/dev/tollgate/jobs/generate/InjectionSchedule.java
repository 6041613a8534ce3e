package dev.tollgate.jobs.generate;

/**
 * Starts a typology's instances spread evenly over a span of event time: the span is cut into equal slots and
 * each instance starts at a random moment of its own slot. Only the next instance is on the agenda, so a long
 * run holds one entry per typology.
 */
final class InjectionSchedule implements Activity {
  private final Typology typology;
  private final TypologyInjector injector;
  private final int instances;
  private final long from;
  private final double slot;
  private final Rng rng;
  private int started;

  /**
   * @param until the latest start: late enough that the run is mostly covered, early enough that an instance
   *     plays out before the input ends
   */
  InjectionSchedule(Typology typology, TypologyInjector injector, int instances, long from, long until, Rng rng) {
    this.typology = typology;
    this.injector = injector;
    this.instances = instances;
    this.from = from;
    this.slot = (double) (until - from) / instances;
    this.rng = rng;
  }

  void start(Simulation simulation) {
    if (instances > 0) {
      simulation.at(nextStart(), this);
    }
  }

  @Override
  public void run(Simulation simulation) {
    started++;
    injector.inject(new Label(typology, started), simulation, rng);
    if (started < instances) {
      simulation.at(nextStart(), this);
    }
  }

  private long nextStart() {
    return from + (long) ((started + rng.uniform()) * slot);
  }

  Typology typology() {
    return typology;
  }

  /** Instances begun so far. */
  int started() {
    return started;
  }
}
