package dev.tollgate.jobs.generate;

import java.util.List;

/** Injects card and online-account fraud: card testing, account takeover, impossible travel. */
final class FraudInjector implements TypologyInjector {
  /** A takeover is typically run from far away: another country, often another continent. */
  private static final double TAKEOVER_MIN_KM = 1_500;
  private static final double IMPOSSIBLE_TRAVEL_MIN_KM = 3_000;

  private final Customers customers;
  private final Merchants merchants;
  private final AccountActivity accounts;
  private final Geography geography;
  private final List<Country> majorCurrencyCountries;

  FraudInjector(Customers customers, Merchants merchants, AccountActivity accounts, Geography geography) {
    this.customers = customers;
    this.merchants = merchants;
    this.accounts = accounts;
    this.geography = geography;
    this.majorCurrencyCountries = geography.countries().stream()
        .filter(c -> c.hasMajorCurrency() && (c.accountWeight() > 0 || c.sellerWeight() > 0))
        .toList();
  }

  @Override
  public void inject(Label label, Simulation simulation, Rng rng) {
    switch (label.typology()) {
      case CARD_TESTING -> cardTesting(simulation, rng, label);
      case ACCOUNT_TAKEOVER -> accountTakeover(new Session(simulation, label, rng));
      case IMPOSSIBLE_TRAVEL -> impossibleTravel(new Session(simulation, label, rng));
      default -> throw new IllegalArgumentException(label.typology() + " is not a fraud typology");
    }
  }

  /** A stolen card checked with tiny charges at one merchant, then spent big at a merchant elsewhere. */
  private void cardTesting(Simulation simulation, Rng rng, Label label) {
    int card = customers.activeCard(rng);
    String device = customers.newDevice(rng);
    String ipCountry = rng.pick(majorCurrencyCountries).code();
    int probed = merchants.in(rng.pick(majorCurrencyCountries), rng);
    long[] probes = Times.paced(simulation.now(), rng.between(3, 6), 15 * Millis.SECOND, 90 * Millis.SECOND, rng);
    for (long at : probes) {
      long amount = rng.chance(0.5) ? 100 : rng.between(10, 200);
      Authorization probe = authorization(card, probed, amount, rng.chance(0.85) ? "APPROVED" : "DECLINED",
          ipCountry, device);
      simulation.emitAt(probe.toEvent(at).label(label));
    }
    int spent;
    do {
      spent = merchants.in(rng.pick(majorCurrencyCountries), rng);
    } while (merchants.country(spent) == merchants.country(probed));
    long at = probes[probes.length - 1] + rng.millis(30 * Millis.SECOND, 5 * Millis.MINUTE);
    Authorization hit = authorization(card, spent, Money.hundredths(rng.between(500, 2500)), "APPROVED", ipCountry,
        device);
    simulation.emitAt(hit.toEvent(at).label(label));
  }

  private Authorization authorization(int card, int merchant, long amount, String status, String ipCountry,
      String device) {
    Country where = merchants.country(merchant);
    return new Authorization(customers.cardId(card), customers.id(customers.cardHolder(card)),
        merchants.id(merchant), where.code(), amount, where.currency(), status, ipCountry, device);
  }

  /**
   * Stolen credentials used from a new device abroad to redirect and drain the customer's money. The owner's
   * own login comes first, unlabelled: it is ordinary activity, but it is what the attacker's login differs
   * from.
   */
  private void accountTakeover(Session session) {
    Rng rng = session.rng;
    session.ownLogin();
    session.pause(Millis.HOUR, 30 * Millis.HOUR);
    City attacker = geography.cityFarFrom(customers.city(session.customer), TAKEOVER_MIN_KM, rng);
    String device = customers.newDevice(rng);
    for (int failed = rng.between(0, 3); failed > 0; failed--) {
      session.act(attacker, device, AccountAction.LOGIN, false, null);
      session.pause(20 * Millis.SECOND, 90 * Millis.SECOND);
    }
    session.act(attacker, device, AccountAction.LOGIN, true, null);
    session.pause(3 * Millis.MINUTE, 25 * Millis.MINUTE);
    session.act(attacker, device, AccountAction.PASSWORD_CHANGE, true, null);
    session.pause(5 * Millis.MINUTE, 40 * Millis.MINUTE);
    session.act(attacker, device, AccountAction.PAYOUT_METHOD_ADDED, true, null);
    session.pause(10 * Millis.MINUTE, 90 * Millis.MINUTE);
    long payout = Money.local(rng.between(800, 5000), customers.country(session.customer));
    session.act(attacker, device, AccountAction.PAYOUT, true, payout);
  }

  /** The same credentials used at home and, minutes later, thousands of kilometres away. */
  private void impossibleTravel(Session session) {
    Rng rng = session.rng;
    City home = customers.city(session.customer);
    String device = customers.usualDevice(session.customer, rng);
    session.act(home, device, AccountAction.LOGIN, true, null);
    session.pause(5 * Millis.MINUTE, 55 * Millis.MINUTE);
    City far = geography.cityFarFrom(home, IMPOSSIBLE_TRAVEL_MIN_KM, rng);
    session.act(far, rng.chance(0.5) ? device : customers.newDevice(rng), AccountAction.LOGIN, true, null);
  }

  /** A run of labelled actions on one customer's account, advancing its own clock. */
  private final class Session {
    private final Simulation simulation;
    private final Label label;
    private final Rng rng;
    private final int customer;
    private long at;

    Session(Simulation simulation, Label label, Rng rng) {
      this.simulation = simulation;
      this.label = label;
      this.rng = rng;
      this.customer = customers.active(rng);
      this.at = simulation.now();
    }

    void act(City where, String device, String action, boolean success, Long amount) {
      AccountAction event = accounts.geolocated(customer, where, device, action, success, amount, rng);
      simulation.emitAt(event.toEvent(at).label(label));
    }

    /** The customer logging in from home on their usual device: background, so not labelled. */
    void ownLogin() {
      AccountAction event = accounts.geolocated(customer, customers.city(customer),
          customers.usualDevice(customer, rng), AccountAction.LOGIN, true, null, rng);
      simulation.emitAt(event.toEvent(at));
    }

    void pause(long minGap, long maxGap) {
      at += rng.millis(minGap, maxGap);
    }
  }
}
