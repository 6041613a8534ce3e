package dev.tollgate.jobs.generate;

/** A ledger posting: the fields of a {@code Transaction}. Amounts are in hundredths of the currency. */
record Posting(
    String accountId,
    String counterpartyId,
    String direction,
    String type,
    long amount,
    String currency,
    String country,
    String counterpartyCountry,
    String channel) {

  static final String IN = "IN";
  static final String OUT = "OUT";

  Event toEvent(long ts) {
    return new Event(EventType.TRANSACTION, ts, 9)
        .string("accountId", accountId)
        .string("counterpartyId", counterpartyId)
        .string("direction", direction)
        .string("type", type)
        .decimal("amount", amount)
        .string("currency", currency)
        .string("country", country)
        .string("counterpartyCountry", counterpartyCountry)
        .string("channel", channel);
  }
}
