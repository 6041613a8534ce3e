package dev.tollgate.jobs.generate;

import java.util.List;

/** Export declarations: what is declared for each consignment, valued in US dollars. */
final class Customs {
  /** Customs values are declared in US dollars, the currency the reference prices are kept in. */
  static final String CURRENCY = "USD";
  private static final double TRANSSHIPMENT_RATE = 0.15;
  private static final List<String> TRANSIT_HUBS = List.of("AE", "SG", "HK", "NL", "DE", "TR");

  private final Geography geography;

  Customs(Geography geography) {
    this.geography = geography;
  }

  /** A transshipment hub on the way from {@code origin} to {@code destination}, or null for a direct route. */
  Country transit(Country origin, Country destination, Rng rng) {
    if (!rng.chance(TRANSSHIPMENT_RATE)) {
      return null;
    }
    Country hub = geography.country(rng.pick(TRANSIT_HUBS));
    return hub == origin || hub == destination ? null : hub;
  }

  /** The declaration of a consignment, with the goods' description and a plausible gross weight. */
  Declaration declaration(Consignment consignment, Rng rng) {
    Product product = consignment.product();
    double kilograms = consignment.quantity() * product.unitKg() * rng.between(0.9, 1.1) + rng.between(0.1, 0.6);
    return new Declaration(consignment.shipmentId(), consignment.orderId(), product.hsCode(),
        product.description(), Money.hundredths(consignment.quantity() * consignment.unitValueUsd()), CURRENCY,
        consignment.quantity(), consignment.origin().countryCode(), consignment.destination().countryCode(),
        consignment.transit() == null ? null : consignment.transit().code(), consignment.consignee(),
        consignment.shipper(), Math.round(kilograms * 100));
  }
}
