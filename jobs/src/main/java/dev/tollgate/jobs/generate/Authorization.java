package dev.tollgate.jobs.generate;

/** A card authorization request: the fields of a {@code Payment}. Amounts are in hundredths. */
record Authorization(
    String cardId,
    String accountId,
    String merchantId,
    String merchantCountry,
    long amount,
    String currency,
    String status,
    String ipCountry,
    String deviceId) {

  Event toEvent(long ts) {
    return new Event(EventType.PAYMENT, ts, 9)
        .string("cardId", cardId)
        .string("accountId", accountId)
        .string("merchantId", merchantId)
        .string("merchantCountry", merchantCountry)
        .decimal("amount", amount)
        .string("currency", currency)
        .string("status", status)
        .string("ipCountry", ipCountry)
        .string("deviceId", deviceId);
  }
}
