package dev.tollgate.jobs.generate;

/**
 * An export declaration: the fields of a {@code CustomsDeclaration}.
 *
 * @param declaredValue declared customs value in hundredths of {@code currency}
 * @param transitCountry country of transshipment, or null for a direct route
 * @param weight gross weight in hundredths of a kilogram
 */
record Declaration(
    String shipmentId,
    String orderId,
    String hsCode,
    String description,
    long declaredValue,
    String currency,
    long quantity,
    String originCountry,
    String destinationCountry,
    String transitCountry,
    String consignee,
    String shipper,
    long weight) {

  Event toEvent(long ts) {
    return new Event(EventType.CUSTOMS_DECLARATION, ts, 13)
        .string("shipmentId", shipmentId)
        .string("orderId", orderId)
        .string("hsCode", hsCode)
        .string("description", description)
        .decimal("declaredValue", declaredValue)
        .string("currency", currency)
        .integer("quantity", quantity)
        .string("originCountry", originCountry)
        .string("destinationCountry", destinationCountry)
        .string("transitCountry", transitCountry)
        .string("consignee", consignee)
        .string("shipper", shipper)
        .decimal("weightKg", weight);
  }
}
