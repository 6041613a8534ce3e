package dev.tollgate.jobs.generate;

/**
 * Something done online with a customer's credentials: the fields of an {@code AccountEvent}.
 *
 * @param amount payout amount in hundredths, or null for actions that move no money
 */
record AccountAction(
    String accountId,
    String action,
    String deviceId,
    String ipCountry,
    double lat,
    double lon,
    boolean success,
    Long amount) {

  static final String LOGIN = "LOGIN";
  static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";
  static final String EMAIL_CHANGE = "EMAIL_CHANGE";
  static final String PAYOUT_METHOD_ADDED = "PAYOUT_METHOD_ADDED";
  static final String PAYOUT = "PAYOUT";

  Event toEvent(long ts) {
    return new Event(EventType.ACCOUNT_EVENT, ts, 8)
        .string("accountId", accountId)
        .string("action", action)
        .string("deviceId", deviceId)
        .string("ipCountry", ipCountry)
        .real("lat", lat)
        .real("lon", lon)
        .bool("success", success)
        .decimal("amount", amount);
  }
}
