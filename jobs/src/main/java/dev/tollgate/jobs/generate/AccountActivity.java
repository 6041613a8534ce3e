package dev.tollgate.jobs.generate;

import java.util.List;

/**
 * Background online banking: logins from the customer's own devices near home, now and then a changed
 * password or e-mail, a new payout method or a payout.
 */
final class AccountActivity implements TrafficDomain {
  private static final double PAYOUT_MEDIAN_USD = 150;
  private static final double PAYOUT_SIGMA = 1.0;
  private static final double FAILED_LOGIN_RATE = 0.04;
  /** How far IP geolocation lands from the customer's city, in degrees. */
  private static final double GEOLOCATION_SPREAD = 0.08;

  private record Share(String action, double weight) {}

  private static final Weighted<Share> ACTIONS = Weighted.of(List.of(
      new Share(AccountAction.LOGIN, 85),
      new Share(AccountAction.PASSWORD_CHANGE, 2),
      new Share(AccountAction.EMAIL_CHANGE, 1),
      new Share(AccountAction.PAYOUT_METHOD_ADDED, 2),
      new Share(AccountAction.PAYOUT, 10)), Share::weight);

  private final Customers customers;
  private final Rng rng;

  AccountActivity(Customers customers, Rng rng) {
    this.customers = customers;
    this.rng = rng;
  }

  @Override
  public double eventsPerArrival() {
    return 1;
  }

  @Override
  public void arrive(Simulation simulation) {
    int customer = customers.active(rng);
    String action = ACTIONS.pick(rng).action();
    boolean success = !action.equals(AccountAction.LOGIN) || !rng.chance(FAILED_LOGIN_RATE);
    Long payout = action.equals(AccountAction.PAYOUT)
        ? Money.local(rng.logNormal(PAYOUT_MEDIAN_USD, PAYOUT_SIGMA), customers.country(customer))
        : null;
    AccountAction event = geolocated(customer, customers.city(customer), customers.usualDevice(customer, rng),
        action, success, payout, rng);
    simulation.emit(event.toEvent(simulation.now()));
  }

  /** An action on {@code customer}'s account from {@code device}, geolocated around {@code where}. */
  AccountAction geolocated(int customer, City where, String device, String action, boolean success, Long amount,
      Rng noise) {
    return new AccountAction(customers.id(customer), action, device, where.countryCode(),
        where.lat() + noise.between(-GEOLOCATION_SPREAD, GEOLOCATION_SPREAD),
        where.lon() + noise.between(-GEOLOCATION_SPREAD, GEOLOCATION_SPREAD), success, amount);
  }
}
