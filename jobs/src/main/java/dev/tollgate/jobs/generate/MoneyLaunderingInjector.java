package dev.tollgate.jobs.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Injects laundering patterns into the ledger. Accounts are ordinary customers holding a major currency,
 * so amount thresholds such as 10,000 mean the same for every instance.
 */
final class MoneyLaunderingInjector implements TypologyInjector {
  private final Customers customers;
  private final Geography geography;
  private final List<Country> blackListed;
  private final List<Country> greyListed;
  private final List<Country> customerCountries;

  MoneyLaunderingInjector(Customers customers, Geography geography) {
    this.customers = customers;
    this.geography = geography;
    this.blackListed = geography.countries().stream().filter(c -> c.fatf() == Country.FatfList.BLACK).toList();
    this.greyListed = geography.countries().stream().filter(c -> c.fatf() == Country.FatfList.GREY).toList();
    this.customerCountries = geography.countries().stream().filter(c -> c.accountWeight() > 0).toList();
  }

  @Override
  public void inject(Label label, Simulation simulation, Rng rng) {
    Instance instance = new Instance(simulation, label, rng);
    switch (label.typology()) {
      case STRUCTURING -> instance.structuring();
      case FAN_IN -> instance.fanIn();
      case FAN_OUT -> instance.fanOut();
      case RAPID_MOVEMENT -> instance.rapidMovement();
      case HIGH_RISK_CORRIDOR -> instance.highRiskCorridor();
      case ROUND_AMOUNT_BURST -> instance.roundAmountBurst();
      default -> throw new IllegalArgumentException(label.typology() + " is not a money laundering typology");
    }
  }

  /** One instance: a customer account and the postings scheduled on it. */
  private final class Instance {
    private final Simulation simulation;
    private final Label label;
    private final Rng rng;
    private final int customer;
    private final Country home;

    Instance(Simulation simulation, Label label, Rng rng) {
      this.simulation = simulation;
      this.label = label;
      this.rng = rng;
      this.customer = customers.withMajorCurrency(rng);
      this.home = customers.country(customer);
    }

    void structuring() {
      for (long at : Times.spread(simulation.now(), rng.between(3, 5), 20 * Millis.HOUR, rng)) {
        // Deposits just under the reporting threshold, often in tens as cash is counted.
        long units = rng.chance(0.5) ? 10L * rng.between(800, 999) : rng.between(8000, 9999);
        post(at, Ledger.branch(home, rng), home, Posting.IN, "CASH_DEPOSIT", Money.wholeUnits(units),
            rng.chance(0.7) ? "BRANCH" : "ATM");
      }
    }

    void fanIn() {
      Set<String> senders = new HashSet<>();
      for (long at : Times.spread(simulation.now(), rng.between(15, 25), 22 * Millis.HOUR, rng)) {
        String sender;
        Country from;
        do {
          int other = customers.any(rng);
          boolean external = other == customer || rng.chance(0.4);
          sender = external ? stranger() : customers.id(other);
          from = external ? rng.pick(customerCountries) : customers.country(other);
        } while (!senders.add(sender));
        post(at, sender, from, Posting.IN, from == home ? "TRANSFER" : "WIRE",
            Money.local(rng.between(150, 1500), home), rng.chance(0.5) ? "MOBILE" : "ONLINE");
      }
    }

    void fanOut() {
      Set<String> receivers = new HashSet<>();
      for (long at : Times.spread(simulation.now(), rng.between(15, 25), 22 * Millis.HOUR, rng)) {
        String receiver;
        do {
          receiver = stranger();
        } while (!receivers.add(receiver));
        Country to = rng.chance(0.7) ? geography.wireDestination(home, rng.uniform()) : home;
        post(at, receiver, to, Posting.OUT, to == home ? "TRANSFER" : "WIRE",
            Money.local(rng.between(500, 3000), home), rng.chance(0.6) ? "ONLINE" : "API");
      }
    }

    void rapidMovement() {
      long received = Money.wholeUnits(100L * rng.between(200, 1500));
      long now = simulation.now();
      post(now, stranger(), rng.pick(customerCountries), Posting.IN, "WIRE",
          received, "API");
      long forwarded = Math.round(received * rng.between(0.90, 0.98));
      post(now + rng.millis(2 * Millis.HOUR, 40 * Millis.HOUR), stranger(),
          geography.wireDestination(home, rng.uniform()), Posting.OUT, "WIRE", forwarded, "ONLINE");
    }

    void highRiskCorridor() {
      Country to = rng.chance(0.2) ? rng.pick(blackListed) : rng.pick(greyListed);
      post(simulation.now(), stranger(), to, Posting.OUT, "WIRE",
          Money.hundredths(rng.between(10_000, 75_000)), rng.chance(0.7) ? "ONLINE" : "BRANCH");
    }

    void roundAmountBurst() {
      String[] counterparties = new String[rng.between(1, 3)];
      for (int i = 0; i < counterparties.length; i++) {
        counterparties[i] = stranger();
      }
      for (long at : Times.spread(simulation.now(), rng.between(5, 8), 20 * Millis.HOUR, rng)) {
        post(at, counterparties[rng.below(counterparties.length)], home, Posting.OUT, "TRANSFER",
            Money.wholeUnits(1000L * rng.between(1, 9)), rng.chance(0.5) ? "ONLINE" : "MOBILE");
      }
    }

    /** A counterparty the bank knows only by its account number. */
    private String stranger() {
      return Ids.numbered("BEN", rng.below(1_000_000_000), 9);
    }

    private void post(long at, String counterparty, Country counterpartyCountry, String direction, String type,
        long amount, String channel) {
      Posting posting = new Posting(customers.id(customer), counterparty, direction, type, amount, home.currency(),
          home.code(), counterpartyCountry.code(), channel);
      simulation.emitAt(posting.toEvent(at).label(label));
    }
  }
}
