package dev.tollgate.jobs.generate;

/**
 * Goods sent from a shipper to a consignee: what customs is told and what the carrier moves.
 *
 * @param orderId the marketplace order it fulfils, if any
 * @param unitValueUsd the value of one unit as declared
 * @param transit country of transshipment, or null for a direct route
 */
record Consignment(
    String shipmentId,
    String orderId,
    Product product,
    long quantity,
    double unitValueUsd,
    City origin,
    City destination,
    Country transit,
    String shipper,
    String consignee) {

  boolean crossBorder() {
    return !origin.countryCode().equals(destination.countryCode());
  }
}
