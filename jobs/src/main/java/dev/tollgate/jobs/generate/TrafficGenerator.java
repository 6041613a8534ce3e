package dev.tollgate.jobs.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes synthetic cross-border commerce traffic as JSON lines the shipped event catalog reads: background
 * activity of the scenario's domains with labelled instances of its typologies. The same settings give the
 * same bytes on every machine; memory does not grow with the number of events.
 *
 * <p>The simulated period is at least {@link #MIN_PERIOD} long, so parcels have time to stall and arrive late
 * and windowed rules see whole days: smaller runs simulate a quieter world over that period, larger runs keep
 * each domain's full daily volume ({@link Domain#eventsPerDay()}) and cover a longer period.
 * {@link #LABELLED_SHARE} of the events belong to injected instances, shared equally among the scenario's
 * typologies by instance count.
 */
public final class TrafficGenerator {
  /** Shortest simulated period: longer than the slowest typology needs to play out. */
  public static final Duration MIN_PERIOD = Duration.ofDays(21);
  /** About this share of the written events are labelled. */
  public static final double LABELLED_SHARE = 0.015;
  /** Every typology of the scenario gets at least this many instances, however small the run. */
  public static final int MIN_INSTANCES = 3;
  /** Default start of the simulated period. */
  public static final Instant DEFAULT_START = Instant.parse("2026-03-01T00:00:00Z");

  /** Marketplace orders placed this long before the start fill the parcel pipeline, so scans start steady. */
  private static final long MARKETPLACE_WARM_UP = 10 * Millis.DAY;

  private static final int CUSTOMERS = 100_000;
  private static final int MERCHANTS = 20_000;
  private static final int BUYERS = 200_000;
  private static final int SELLERS = 5_000;
  private static final int LISTINGS = 50_000;

  /**
   * @param events how many events to write
   * @param start when the simulated period begins
   */
  public record Settings(long events, long seed, Scenario scenario, Instant start) {
    public Settings {
      if (events < 0) {
        throw new IllegalArgumentException("the number of events cannot be negative: " + events);
      }
    }
  }

  /**
   * What was written.
   *
   * @param eventsByType catalog event type to count, in catalog order
   * @param instancesByTypology instances begun per typology, including any cut short by the end of the run
   * @param first event time of the earliest event, null when nothing was written
   * @param last event time of the latest event, null when nothing was written
   */
  public record Summary(long events, Map<String, Long> eventsByType, long labelledEvents,
      Map<Typology, Integer> instancesByTypology, Instant first, Instant last, Duration elapsed) {

    /** Events written per second of wall-clock time. */
    public double eventsPerSecond() {
      return events / Math.max(1e-3, elapsed.toNanos() / 1e9);
    }
  }

  private TrafficGenerator() {}

  /** Writes {@code settings.events()} JSON lines to {@code out}, which is flushed but not closed. */
  public static Summary generate(Settings settings, OutputStream out) throws IOException {
    long started = System.nanoTime();
    Scenario scenario = settings.scenario();
    if (scenario.domains().isEmpty()) {
      throw new IllegalArgumentException("scenario " + scenario.name() + " has no traffic to generate");
    }
    long start = settings.start().toEpochMilli();
    long period = period(settings.events(), scenario);
    double volume = volume(settings.events(), scenario);
    Rng root = new Rng(settings.seed());
    World world = new World(root);

    Simulation simulation;
    List<InjectionSchedule> schedules = new ArrayList<>();
    try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
      simulation = new Simulation(start, settings.events(), writer, root.split());
      for (Domain domain : Domain.values()) {
        Rng rng = root.split(); // drawn for every domain, so a scenario's choice does not shift the others
        if (scenario.domains().contains(domain)) {
          long from = domain == Domain.MARKETPLACE ? start - MARKETPLACE_WARM_UP : start;
          double eventsPerMilli = domain.eventsPerDay() * volume / Millis.DAY;
          new Arrivals(world.domain(domain), eventsPerMilli, rng).start(simulation, from);
        }
      }
      int instances = instancesPerTypology(settings.events(), scenario);
      for (Typology typology : Typology.values()) {
        Rng rng = root.split();
        if (scenario.typologies().contains(typology)) {
          long until = start + Math.max(period / 2, period - typology.playOutMillis());
          InjectionSchedule schedule = new InjectionSchedule(typology, world.injector(typology.family()), instances,
              start, until, rng);
          schedule.start(simulation);
          schedules.add(schedule);
        }
      }
      try {
        simulation.run();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    out.flush();
    return summary(simulation, schedules, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The simulated period: long enough for every typology, and for the domains' daily volumes. */
  static long period(long events, Scenario scenario) {
    long atFullVolume = (long) Math.ceil((double) events / eventsPerDay(scenario) * Millis.DAY);
    return Math.max(MIN_PERIOD.toMillis(), atFullVolume);
  }

  /** The share of full daily volume that spreads {@code events} over the period. */
  static double volume(long events, Scenario scenario) {
    return Math.min(1.0, events / (eventsPerDay(scenario) * ((double) MIN_PERIOD.toMillis() / Millis.DAY)));
  }

  private static long eventsPerDay(Scenario scenario) {
    long perDay = 0;
    for (Domain domain : scenario.domains()) {
      perDay += domain.eventsPerDay();
    }
    return perDay;
  }

  /** Instances of each typology, so that about {@link #LABELLED_SHARE} of the events are labelled. */
  static int instancesPerTypology(long events, Scenario scenario) {
    int eventsPerRound = 0;
    for (Typology typology : scenario.typologies()) {
      eventsPerRound += typology.typicalEvents();
    }
    if (eventsPerRound == 0) {
      return 0;
    }
    long instances = Math.round(events * LABELLED_SHARE / eventsPerRound);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_INSTANCES, instances));
  }

  private static Summary summary(Simulation simulation, List<InjectionSchedule> schedules, Duration elapsed) {
    Map<String, Long> byType = new LinkedHashMap<>();
    for (EventType type : EventType.values()) {
      byType.put(type.wireName(), simulation.writtenByType().getOrDefault(type, 0L));
    }
    Map<Typology, Integer> instances = new EnumMap<>(Typology.class);
    for (InjectionSchedule schedule : schedules) {
      instances.put(schedule.typology(), schedule.started());
    }
    boolean any = simulation.written() > 0;
    return new Summary(simulation.written(), Collections.unmodifiableMap(byType), simulation.labeled(),
        Collections.unmodifiableMap(instances), any ? Instant.ofEpochMilli(simulation.firstWritten()) : null,
        any ? Instant.ofEpochMilli(simulation.lastWritten()) : null, elapsed);
  }

  /** The simulated population and the activities and injectors that act on it. */
  private static final class World {
    private final Map<Domain, TrafficDomain> domains = new EnumMap<>(Domain.class);
    private final Map<Typology.Family, TypologyInjector> injectors = new EnumMap<>(Typology.Family.class);

    World(Rng root) {
      Geography geography = Geography.load();
      ProductCatalog products = ProductCatalog.load();
      Customers customers = new Customers(geography, CUSTOMERS, root.split());
      Merchants merchants = new Merchants(geography, MERCHANTS, root.split());
      Storefront store = new Storefront(geography, products, BUYERS, SELLERS, LISTINGS, root.split());
      Customs customs = new Customs(geography);
      Shipping shipping = new Shipping(geography);
      AccountActivity accounts = new AccountActivity(customers, root.split());
      Marketplace marketplace = new Marketplace(store, customs, shipping, root.split());
      domains.put(Domain.LEDGER, new Ledger(customers, merchants, root.split()));
      domains.put(Domain.CARDS, new CardAuthorizations(customers, merchants, root.split()));
      domains.put(Domain.ACCOUNTS, accounts);
      domains.put(Domain.MARKETPLACE, marketplace);
      injectors.put(Typology.Family.MONEY_LAUNDERING, new MoneyLaunderingInjector(customers, geography));
      injectors.put(Typology.Family.FRAUD, new FraudInjector(customers, merchants, accounts, geography));
      injectors.put(Typology.Family.CONTRABAND,
          new ContrabandInjector(store, customs, shipping, marketplace, geography));
      injectors.put(Typology.Family.SHIPMENT, new ShipmentAnomalyInjector(store, customs, shipping, marketplace));
    }

    TrafficDomain domain(Domain domain) {
      return domains.get(domain);
    }

    TypologyInjector injector(Typology.Family family) {
      return injectors.get(family);
    }
  }
}
