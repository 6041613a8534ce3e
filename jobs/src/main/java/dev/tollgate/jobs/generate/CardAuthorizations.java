package dev.tollgate.jobs.generate;

/**
 * Background card authorizations: mostly at merchants in the holder's country, some at foreign web
 * shops, log-normal amounts in the merchant's currency, a few declines.
 */
final class CardAuthorizations implements TrafficDomain {
  private static final double MEDIAN_USD = 35;
  private static final double SIGMA = 1.1;
  private static final double FOREIGN_MERCHANT_SHARE = 0.2;
  private static final double DECLINE_RATE = 0.06;

  private final Customers customers;
  private final Merchants merchants;
  private final Rng rng;

  CardAuthorizations(Customers customers, Merchants merchants, Rng rng) {
    this.customers = customers;
    this.merchants = merchants;
    this.rng = rng;
  }

  @Override
  public double eventsPerArrival() {
    return 1;
  }

  @Override
  public void arrive(Simulation simulation) {
    int card = customers.activeCard(rng);
    int holder = customers.cardHolder(card);
    Country home = customers.country(holder);
    int merchant = rng.chance(FOREIGN_MERCHANT_SHARE) ? merchants.abroad(rng) : merchants.in(home, rng);
    Country merchantCountry = merchants.country(merchant);
    String ipCountry = rng.chance(0.07) ? null : rng.chance(0.97) ? home.code() : merchantCountry.code();
    String device = rng.chance(0.15) ? null : customers.usualDevice(holder, rng);
    Authorization authorization = new Authorization(customers.cardId(card), customers.id(holder),
        merchants.id(merchant), merchantCountry.code(), Money.local(rng.logNormal(MEDIAN_USD, SIGMA),
        merchantCountry), merchantCountry.currency(), rng.chance(DECLINE_RATE) ? "DECLINED" : "APPROVED",
        ipCountry, device);
    simulation.emit(authorization.toEvent(simulation.now()));
  }
}
