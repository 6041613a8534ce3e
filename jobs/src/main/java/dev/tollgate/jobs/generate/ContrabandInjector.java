package dev.tollgate.jobs.generate;

import java.util.List;

/**
 * Injects exports that break customs and sanctions rules: embargoed destinations, restricted goods,
 * consignments split to stay under the destination's de-minimis threshold, undervalued goods. The parcels'
 * scans are not part of these typologies: what is labelled is the declaration, and for an embargoed
 * destination the marketplace order behind it.
 */
final class ContrabandInjector implements TypologyInjector {
  private static final List<String> EMBARGOED = List.of("CU", "IR", "KP", "SY");
  /** Where goods for embargoed countries are usually transshipped. */
  private static final List<String> SANCTIONS_TRANSIT = List.of("AE", "TR", "HK");
  /** Share of embargoed exports sold through the marketplace; the rest come from freight forwarders. */
  private static final double EMBARGOED_ORDER_SHARE = 0.7;
  /** Splitting only pays where duty-free imports are worth something. */
  private static final double MIN_SPLIT_DE_MINIMIS_USD = 60;

  private final Storefront store;
  private final Customs customs;
  private final Shipping shipping;
  private final Marketplace marketplace;
  private final Geography geography;

  ContrabandInjector(Storefront store, Customs customs, Shipping shipping, Marketplace marketplace,
      Geography geography) {
    this.store = store;
    this.customs = customs;
    this.shipping = shipping;
    this.marketplace = marketplace;
    this.geography = geography;
  }

  @Override
  public void inject(Label label, Simulation simulation, Rng rng) {
    switch (label.typology()) {
      case EMBARGOED_DESTINATION -> embargoedDestination(simulation, rng, label);
      case RESTRICTED_HS_CODE -> restrictedGoods(simulation, rng, label);
      case SPLIT_SHIPMENTS -> splitShipments(simulation, rng, label);
      case UNDERVALUATION -> undervaluation(simulation, rng, label);
      default -> throw new IllegalArgumentException(label.typology() + " is not a contraband typology");
    }
  }

  /** A marketplace order (or a forwarder's consignment) for a buyer in an embargoed country, often via a hub. */
  private void embargoedDestination(Simulation simulation, Rng rng, Label label) {
    int listing = store.popularListing(rng);
    int seller = store.seller(listing);
    Country destination = geography.country(rng.pick(EMBARGOED));
    Country transit = rng.chance(0.6) ? geography.country(rng.pick(SANCTIONS_TRANSIT)) : null;
    Product product = store.product(listing);
    long quantity = rng.between(1, 20);
    double unitUsd = store.priceUsd(listing);
    long now = simulation.now();
    String orderId = marketplace.newOrderId();
    String consignee = Ids.numbered("CNE", rng.below(10_000_000), 7);
    long declaredAt = now + rng.millis(Millis.HOUR, 6 * Millis.HOUR);
    if (rng.chance(EMBARGOED_ORDER_SHARE)) {
      OrderLine order = new OrderLine(orderId, consignee, store.sellerId(seller), store.sku(listing),
          product.category(), quantity, Money.hundredths(unitUsd), Customs.CURRENCY, destination.code(), "WEB");
      simulation.emit(order.toEvent(now, "PLACED").label(label));
      simulation.emitAt(order.toEvent(now + rng.millis(Millis.MINUTE, 30 * Millis.MINUTE), "PAID").label(label));
      declaredAt += Millis.HOUR;
    }
    declare(simulation, declaredAt, new Consignment(shipping.newShipmentId(), orderId, product, quantity,
        unitUsd * rng.between(0.85, 1.0), store.sellerCity(seller), rng.pick(destination.cities()),
        transit == store.sellerCountry(seller) ? null : transit, store.sellerId(seller), consignee), rng, label);
  }

  private void restrictedGoods(Simulation simulation, Rng rng, Label label) {
    Product product = rng.pick(store.products().restricted());
    // Ammunition and detonators move by the thousand, arms by the piece.
    long quantity = product.typicalUsd() < 20 ? rng.between(200, 5000) : rng.between(1, 20);
    declare(simulation, simulation.now(),
        crossBorder(product, quantity, product.typicalUsd() * rng.between(0.7, 1.3), rng), rng, label);
  }

  /**
   * One purchase sent as 4-6 parcels from one seller to one buyer within a day, each declared under the
   * destination's de-minimis threshold and together well above it.
   */
  private void splitShipments(Simulation simulation, Rng rng, Label label) {
    int seller;
    int buyer;
    do {
      seller = store.activeSeller(rng);
      buyer = store.activeBuyer(rng);
    } while (store.sellerCountry(seller) == store.buyerCountry(buyer)
        || store.buyerCountry(buyer).deMinimisUsd() < MIN_SPLIT_DE_MINIMIS_USD);
    double threshold = store.buyerCountry(buyer).deMinimisUsd();
    Country transit = customs.transit(store.sellerCountry(seller), store.buyerCountry(buyer), rng);
    for (long at : Times.spread(simulation.now(), rng.between(4, 6), 20 * Millis.HOUR, rng)) {
      double value = threshold * rng.between(0.45, 0.95);
      Product product = store.products().listedUpTo(value, rng);
      long quantity = Math.max(1, Math.min(50, Math.round(value / product.typicalUsd())));
      double unitValue = Math.floor(value / quantity * 100) / 100; // rounded down: the parcel stays under
      declare(simulation, at, new Consignment(shipping.newShipmentId(), marketplace.newOrderId(), product, quantity,
          unitValue, store.sellerCity(seller), store.buyerCity(buyer), transit, store.sellerId(seller),
          store.buyerId(buyer)), rng, label);
    }
  }

  private void undervaluation(Simulation simulation, Rng rng, Label label) {
    Product product = rng.pick(store.products().valuable());
    declare(simulation, simulation.now(), crossBorder(product, rng.between(5, 200),
        product.typicalUsd() * rng.between(0.03, 0.18), rng), rng, label);
  }

  /** Goods from a marketplace seller to a buyer in another country. */
  private Consignment crossBorder(Product product, long quantity, double unitValueUsd, Rng rng) {
    int seller;
    int buyer;
    do {
      seller = store.activeSeller(rng);
      buyer = store.activeBuyer(rng);
    } while (store.sellerCountry(seller) == store.buyerCountry(buyer));
    return new Consignment(shipping.newShipmentId(), marketplace.newOrderId(), product, quantity, unitValueUsd,
        store.sellerCity(seller), store.buyerCity(buyer),
        customs.transit(store.sellerCountry(seller), store.buyerCountry(buyer), rng), store.sellerId(seller),
        store.buyerId(buyer));
  }

  private void declare(Simulation simulation, long at, Consignment consignment, Rng rng, Label label) {
    simulation.emitAt(customs.declaration(consignment, rng).toEvent(at).label(label));
  }
}
