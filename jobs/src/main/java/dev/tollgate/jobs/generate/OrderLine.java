package dev.tollgate.jobs.generate;

/** One marketplace order line; each status change is an {@code Order} event. Prices in hundredths. */
record OrderLine(
    String orderId,
    String buyerId,
    String sellerId,
    String sku,
    String category,
    long quantity,
    long unitPrice,
    String currency,
    String destinationCountry,
    String channel) {

  Event toEvent(long ts, String status) {
    return new Event(EventType.ORDER, ts, 13)
        .string("orderId", orderId)
        .string("buyerId", buyerId)
        .string("sellerId", sellerId)
        .string("sku", sku)
        .string("category", category)
        .integer("quantity", quantity)
        .decimal("unitPrice", unitPrice)
        .decimal("amount", quantity * unitPrice)
        .string("currency", currency)
        .string("destinationCountry", destinationCountry)
        .string("channel", channel)
        .string("status", status);
  }
}
