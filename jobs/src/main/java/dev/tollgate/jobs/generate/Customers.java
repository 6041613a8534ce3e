package dev.tollgate.jobs.generate;

/**
 * The bank's customers: their accounts, home city, devices, cards and regular payees. Activity follows a
 * Zipf law. Devices and payees are derived from the customer's index, so they stay the same all run.
 */
final class Customers {
  /** Cards per customer on average: most hold one, some two. */
  private static final double CARDS_PER_CUSTOMER = 1.3;
  private static final int MAX_DEVICES = 3;
  private static final int MIN_PAYEES = 3;
  private static final int MAX_PAYEES = 9;
  /** Share of a customer's payees that are abroad. */
  private static final double FOREIGN_PAYEE_SHARE = 0.4;

  /** A regular recipient of a customer's transfers and wires. */
  record Payee(String id, Country country) {}

  private final Geography geography;
  private final long salt;
  private final Country[] country;
  private final City[] city;
  private final String[] ids;
  private final Zipf activity;
  private final Zipf cardActivity;
  private final int[] majorCurrencyCustomers;

  Customers(Geography geography, int count, Rng rng) {
    this.geography = geography;
    this.salt = rng.nextLong();
    this.country = new Country[count];
    this.city = new City[count];
    this.ids = new String[count];
    Weighted<Country> homes = Weighted.of(geography.countries(), Country::accountWeight);
    int major = 0;
    for (int i = 0; i < count; i++) {
      country[i] = homes.pick(rng);
      city[i] = rng.pick(country[i].cities());
      if (country[i].hasMajorCurrency()) {
        major++;
      }
    }
    this.majorCurrencyCustomers = new int[major];
    for (int i = 0, j = 0; i < count; i++) {
      if (country[i].hasMajorCurrency()) {
        majorCurrencyCustomers[j++] = i;
      }
    }
    // The busiest account sees about 0.08% of the postings (eight a day at full volume), the busiest card
    // about 0.04% of the authorizations (three a day): a busy person or a small shop.
    this.activity = new Zipf(count, 1.0, 200);
    this.cardActivity = new Zipf((int) (count * CARDS_PER_CUSTOMER), 1.0, 500);
  }

  int count() {
    return country.length;
  }

  /** A customer drawn by how active customers are. */
  int active(Rng rng) {
    return activity.sample(rng);
  }

  /** Any customer, regardless of activity. */
  int any(Rng rng) {
    return rng.below(country.length);
  }

  /** A customer whose currency makes fixed thresholds meaningful (USD, EUR, GBP...). */
  int withMajorCurrency(Rng rng) {
    return majorCurrencyCustomers[rng.below(majorCurrencyCustomers.length)];
  }

  String id(int customer) {
    String id = ids[customer];
    if (id == null) { // most events name an account: format each once
      id = Ids.numbered("AC", customer, 8);
      ids[customer] = id;
    }
    return id;
  }

  Country country(int customer) {
    return country[customer];
  }

  City city(int customer) {
    return city[customer];
  }

  int deviceCount(int customer) {
    return 1 + Hashing.index(Hashing.of(salt, customer, -1), MAX_DEVICES);
  }

  String device(int customer, int k) {
    return Ids.token("dev-", Hashing.of(salt, customer, k));
  }

  /** One of the customer's own devices, the most used first. */
  String usualDevice(int customer, Rng rng) {
    int devices = deviceCount(customer);
    return device(customer, rng.chance(0.7) ? 0 : rng.below(devices));
  }

  /** A device fingerprint nobody has used before. */
  String newDevice(Rng rng) {
    return Ids.token("dev-", rng.nextLong());
  }

  int cardCount() {
    return cardActivity.size();
  }

  int activeCard(Rng rng) {
    return cardActivity.sample(rng);
  }

  String cardId(int card) {
    return Ids.token("card-", Hashing.of(salt, card, -2));
  }

  int cardHolder(int card) {
    return card % country.length;
  }

  /** One of the customer's regular payees at home. */
  Payee domesticPayee(int customer, Rng rng) {
    return payee(customer, rng, false);
  }

  /** One of the customer's regular payees abroad, in a country their remittance corridors lead to. */
  Payee foreignPayee(int customer, Rng rng) {
    return payee(customer, rng, true);
  }

  private Payee payee(int customer, Rng rng, boolean foreign) {
    int payees = MIN_PAYEES + Hashing.index(Hashing.of(salt, customer, -3), MAX_PAYEES - MIN_PAYEES + 1);
    int first = rng.below(payees);
    for (int i = 0; i < payees; i++) {
      int k = (first + i) % payees;
      if (Hashing.unit(payeeHash(customer, k)) < FOREIGN_PAYEE_SHARE == foreign) {
        return payee(customer, k, foreign);
      }
    }
    // Everyone has at least one payee of each kind: these two extra slots are never drawn above.
    return payee(customer, payees + (foreign ? 1 : 0), foreign);
  }

  private Payee payee(int customer, int k, boolean foreign) {
    long hash = payeeHash(customer, k);
    Country where = foreign
        ? geography.wireDestination(country[customer], Hashing.unit(Hashing.mix(hash)))
        : country[customer];
    return new Payee(Ids.numbered("BEN", Hashing.index(hash, 1_000_000_000), 9), where);
  }

  private long payeeHash(int customer, int k) {
    return Hashing.of(salt, customer, 1000 + k);
  }
}
