package dev.tollgate.jobs.generate;

import java.util.Arrays;

/**
 * Background postings on customers' accounts: card spending, transfers to and from regular payees,
 * international wires along remittance corridors, cash at branches and ATMs, and fees. Amounts are
 * log-normal in US dollars, booked in the account's currency.
 */
final class Ledger implements TrafficDomain {
  /** What a posting is, how common, and how big (median and log spread in US dollars). */
  private enum Kind {
    CARD("CARD", Posting.OUT, 0.40, 35, 1.1),
    TRANSFER_IN("TRANSFER", Posting.IN, 0.11, 250, 1.2),
    TRANSFER_OUT("TRANSFER", Posting.OUT, 0.14, 180, 1.2),
    WIRE_IN("WIRE", Posting.IN, 0.04, 1500, 1.2),
    WIRE_OUT("WIRE", Posting.OUT, 0.06, 1500, 1.2),
    CASH_DEPOSIT("CASH_DEPOSIT", Posting.IN, 0.07, 300, 1.0),
    CASH_WITHDRAWAL("CASH_WITHDRAWAL", Posting.OUT, 0.10, 120, 0.8),
    FEE("FEE", Posting.OUT, 0.08, 4, 0.9);

    final String type;
    final String direction;
    final double share;
    final double medianUsd;
    final double sigma;

    Kind(String type, String direction, double share, double medianUsd, double sigma) {
      this.type = type;
      this.direction = direction;
      this.share = share;
      this.medianUsd = medianUsd;
      this.sigma = sigma;
    }
  }

  /** Wires to listed jurisdictions are family remittances: small and frequent, not business payments. */
  private static final double REMITTANCE_MEDIAN_USD = 350;
  private static final double REMITTANCE_SIGMA = 0.6;
  /** Share of wires that stay in the country (large domestic payments). */
  private static final double DOMESTIC_WIRE_SHARE = 0.3;

  private static final Weighted<Kind> KINDS = Weighted.of(Arrays.asList(Kind.values()), k -> k.share);

  private final Customers customers;
  private final Merchants merchants;
  private final Rng rng;

  Ledger(Customers customers, Merchants merchants, Rng rng) {
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
    simulation.emit(posting(customers.active(rng), KINDS.pick(rng)).toEvent(simulation.now()));
  }

  private Posting posting(int customer, Kind kind) {
    Country home = customers.country(customer);
    String account = customers.id(customer);
    double usd = rng.logNormal(kind.medianUsd, kind.sigma);
    return switch (kind) {
      case CARD -> {
        int merchant = rng.chance(0.85) ? merchants.in(home, rng) : merchants.abroad(rng);
        yield new Posting(account, merchants.id(merchant), kind.direction, kind.type, Money.local(usd, home),
            home.currency(), home.code(), merchants.country(merchant).code(), rng.chance(0.6) ? "ONLINE" : "MOBILE");
      }
      case TRANSFER_IN, TRANSFER_OUT -> {
        Customers.Payee payee = customers.domesticPayee(customer, rng);
        long amount = rng.chance(0.25) ? Money.localRounded(usd, home, 10) : Money.local(usd, home);
        yield new Posting(account, payee.id(), kind.direction, kind.type, amount, home.currency(), home.code(),
            payee.country().code(), rng.chance(0.65) ? "MOBILE" : rng.chance(0.9) ? "ONLINE" : "API");
      }
      case WIRE_IN, WIRE_OUT -> {
        Customers.Payee payee = rng.chance(DOMESTIC_WIRE_SHARE)
            ? customers.domesticPayee(customer, rng)
            : customers.foreignPayee(customer, rng);
        if (payee.country().highRisk()) {
          usd = rng.logNormal(REMITTANCE_MEDIAN_USD, REMITTANCE_SIGMA);
        }
        yield new Posting(account, payee.id(), kind.direction, kind.type, Money.local(usd, home), home.currency(),
            home.code(), payee.country().code(), rng.chance(0.6) ? "ONLINE" : rng.chance(0.5) ? "BRANCH" : "API");
      }
      case CASH_DEPOSIT -> new Posting(account, branch(home, rng), kind.direction, kind.type,
          Money.localRounded(usd, home, 5), home.currency(), home.code(), home.code(),
          rng.chance(0.6) ? "BRANCH" : "ATM");
      case CASH_WITHDRAWAL -> new Posting(account, atm(home, rng), kind.direction, kind.type,
          Money.localRounded(usd, home, 20), home.currency(), home.code(), home.code(),
          rng.chance(0.9) ? "ATM" : "BRANCH");
      case FEE -> new Posting(account, "BANK-FEES", kind.direction, kind.type, Money.local(usd, home),
          home.currency(), home.code(), home.code(), "API");
    };
  }

  /** A branch of the bank in {@code country}: where cash is paid in. */
  static String branch(Country country, Rng rng) {
    return Ids.numbered("BR-" + country.code() + "-", rng.below(400), 4);
  }

  private static String atm(Country country, Rng rng) {
    return Ids.numbered("ATM-" + country.code() + "-", rng.below(5000), 5);
  }
}
