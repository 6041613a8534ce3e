package dev.tollgate.jobs.generate;

import java.util.List;

/**
 * Injects customs declarations that break export rules: embargoed destinations, restricted goods,
 * consignments split to stay under the de-minimis threshold, undervalued goods. Only the declarations are
 * written; the parcels' scans are not part of these typologies.
 */
final class ContrabandInjector implements TypologyInjector {
  /** Value under which an import is duty free (the former US de-minimis), in the customs currency. */
  static final double DE_MINIMIS_USD = 800;
  private static final List<String> EMBARGOED = List.of("CU", "IR", "KP", "SY");
  /** Where goods for embargoed countries are usually transshipped. */
  private static final List<String> SANCTIONS_TRANSIT = List.of("AE", "TR", "HK");

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
  public void inject(Typology typology, Simulation simulation, Rng rng) {
    String label = typology.label();
    switch (typology) {
      case EMBARGOED_DESTINATION -> embargoedDestination(simulation, rng, label);
      case RESTRICTED_HS_CODE -> restrictedGoods(simulation, rng, label);
      case SPLIT_SHIPMENTS -> splitShipments(simulation, rng, label);
      case UNDERVALUATION -> undervaluation(simulation, rng, label);
      default -> throw new IllegalArgumentException(typology + " is not a contraband typology");
    }
  }

  private void embargoedDestination(Simulation simulation, Rng rng, String label) {
    int seller = store.activeSeller(rng);
    Country destination = geography.country(rng.pick(EMBARGOED));
    Country transit = rng.chance(0.6) ? geography.country(rng.pick(SANCTIONS_TRANSIT)) : null;
    Product product = store.products().listed(rng);
    String consignee = Ids.numbered("CNE", rng.below(10_000_000), 7);
    declare(simulation, simulation.now(), new Consignment(shipping.newShipmentId(), marketplace.newOrderId(),
        product, rng.between(1, 40), product.typicalUsd() * rng.between(0.8, 1.2), store.sellerCity(seller),
        rng.pick(destination.cities()), transit == store.sellerCountry(seller) ? null : transit,
        store.sellerId(seller), consignee), rng, label);
  }

  private void restrictedGoods(Simulation simulation, Rng rng, String label) {
    Product product = rng.pick(store.products().restricted());
    // Ammunition and detonators move by the thousand, arms by the piece.
    long quantity = product.typicalUsd() < 20 ? rng.between(200, 5000) : rng.between(1, 20);
    declare(simulation, simulation.now(),
        crossBorder(product, quantity, product.typicalUsd() * rng.between(0.7, 1.3), rng), rng, label);
  }

  private void splitShipments(Simulation simulation, Rng rng, String label) {
    Consignment previous = null;
    for (long at : Times.spread(simulation.now(), rng.between(4, 6), 20 * Millis.HOUR, rng)) {
      Product product = store.products().listed(rng);
      double value = DE_MINIMIS_USD * rng.between(0.55, 0.97);
      long quantity = Math.max(1, Math.min(50, Math.round(value / product.typicalUsd())));
      double unitValue = Math.floor(value / quantity * 100) / 100; // rounded down: the piece stays under
      Consignment piece = previous == null
          ? crossBorder(product, quantity, unitValue, rng)
          : new Consignment(shipping.newShipmentId(), marketplace.newOrderId(), product, quantity, unitValue,
              previous.origin(), previous.destination(), previous.transit(), previous.shipper(),
              previous.consignee());
      declare(simulation, at, piece, rng, label);
      previous = piece;
    }
  }

  private void undervaluation(Simulation simulation, Rng rng, String label) {
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

  private void declare(Simulation simulation, long at, Consignment consignment, Rng rng, String label) {
    simulation.emitAt(customs.declaration(consignment, rng).toEvent(at).label(label));
  }
}
