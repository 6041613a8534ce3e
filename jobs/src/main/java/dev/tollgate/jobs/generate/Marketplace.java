package dev.tollgate.jobs.generate;

import java.util.List;

/**
 * Background marketplace orders and what follows them: PLACED, PAID (or CANCELLED), SHIPPED; then the
 * export declaration when the goods cross a border, and the parcel's scans until delivery.
 */
final class Marketplace implements TrafficDomain {
  private static final double CANCELLED_BEFORE_PAYMENT = 0.04;
  private static final double CANCELLED_AFTER_PAYMENT = 0.03;
  /** Estimates used only to pace arrivals: most orders cross a border, a parcel has about seven scans. */
  private static final double CROSS_BORDER_SHARE = 0.9;
  private static final double SCANS_PER_PARCEL = 7.3;

  private record Channel(String name, double weight) {}

  private static final Weighted<Channel> CHANNELS = Weighted.of(
      List.of(new Channel("WEB", 45), new Channel("APP", 45), new Channel("API", 10)), Channel::weight);

  private final Storefront store;
  private final Customs customs;
  private final Shipping shipping;
  private final Rng rng;
  private long orders;

  Marketplace(Storefront store, Customs customs, Shipping shipping, Rng rng) {
    this.store = store;
    this.customs = customs;
    this.shipping = shipping;
    this.rng = rng;
  }

  String newOrderId() {
    return Ids.numbered("ORD", ++orders, 10);
  }

  @Override
  public double eventsPerArrival() {
    double shipped = 1 + CROSS_BORDER_SHARE + SCANS_PER_PARCEL;
    double paid = 1 + CANCELLED_AFTER_PAYMENT + (1 - CANCELLED_AFTER_PAYMENT) * shipped;
    return 1 + CANCELLED_BEFORE_PAYMENT + (1 - CANCELLED_BEFORE_PAYMENT) * paid;
  }

  @Override
  public void arrive(Simulation simulation) {
    int listing = store.popularListing(rng);
    int buyer = store.activeBuyer(rng);
    Country destination = store.buyerCountry(buyer);
    double unitUsd = store.priceUsd(listing) * (rng.chance(0.2) ? rng.between(0.8, 0.95) : 1.0);
    OrderLine order = new OrderLine(newOrderId(), store.buyerId(buyer), store.sellerId(store.seller(listing)),
        store.sku(listing), store.product(listing).category(), quantity(), Money.local(unitUsd, destination),
        destination.currency(), destination.code(), CHANNELS.pick(rng).name());

    long placed = simulation.now();
    simulation.emit(order.toEvent(placed, "PLACED"));
    if (rng.chance(CANCELLED_BEFORE_PAYMENT)) {
      simulation.emitAt(order.toEvent(placed + rng.millis(5 * Millis.MINUTE, 2 * Millis.HOUR), "CANCELLED"));
      return;
    }
    long paid = placed + rng.millis(Millis.MINUTE, 30 * Millis.MINUTE);
    simulation.emitAt(order.toEvent(paid, "PAID"));
    if (rng.chance(CANCELLED_AFTER_PAYMENT)) {
      simulation.emitAt(order.toEvent(paid + rng.millis(Millis.HOUR, 2 * Millis.DAY), "CANCELLED"));
      return;
    }
    long shipped = paid + rng.millis(4 * Millis.HOUR, 3 * Millis.DAY);
    simulation.at(shipped, s -> ship(s, order, listing, buyer, unitUsd));
  }

  private void ship(Simulation simulation, OrderLine order, int listing, int buyer, double unitUsd) {
    long now = simulation.now();
    simulation.emit(order.toEvent(now, "SHIPPED"));
    int seller = store.seller(listing);
    Country origin = store.sellerCountry(seller);
    Country destination = store.buyerCountry(buyer);
    Consignment consignment = new Consignment(shipping.newShipmentId(), order.orderId(), store.product(listing),
        order.quantity(), unitUsd * rng.between(0.85, 1.0), store.sellerCity(seller), store.buyerCity(buyer),
        customs.transit(origin, destination, rng), order.sellerId(), order.buyerId());
    Journey journey = shipping.plan(consignment, now + rng.millis(0, Millis.HOUR), rng);
    if (consignment.crossBorder()) {
      long created = journey.stops().get(0).at();
      simulation.emitAt(customs.declaration(consignment, rng).toEvent(created + rng.millis(10 * Millis.MINUTE,
          2 * Millis.HOUR)));
    }
    shipping.dispatch(simulation, journey, null);
  }

  /** Most people buy one; a few buy for a shop. */
  private long quantity() {
    double u = rng.uniform();
    if (u < 0.72) {
      return 1;
    } else if (u < 0.87) {
      return 2;
    } else if (u < 0.93) {
      return 3;
    } else if (u < 0.99) {
      return rng.between(4, 10);
    }
    return rng.between(11, 50);
  }
}
