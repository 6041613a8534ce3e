package dev.tollgate.jobs.generate;

import java.util.List;

/**
 * Injects parcels whose tracking goes wrong: a stall after dispatch, a delivery days past the promise, a
 * scan after delivery. Each starts as an ordinary planned journey which is then reshaped.
 */
final class ShipmentAnomalyInjector implements TypologyInjector {
  /** Longest gap between a late parcel's scans: it is slow, not stalled. */
  private static final long LATE_MAX_GAP = 36 * Millis.HOUR;
  private static final List<String> REGRESSED_STATUSES =
      List.of(Journey.OUT_FOR_DELIVERY, Journey.IN_TRANSIT, Journey.ARRIVED_HUB);

  private final Storefront store;
  private final Customs customs;
  private final Shipping shipping;
  private final Marketplace marketplace;

  ShipmentAnomalyInjector(Storefront store, Customs customs, Shipping shipping, Marketplace marketplace) {
    this.store = store;
    this.customs = customs;
    this.shipping = shipping;
    this.marketplace = marketplace;
  }

  @Override
  public void inject(Label label, Simulation simulation, Rng rng) {
    Journey journey = shipping.plan(parcel(rng), simulation.now(), rng);
    switch (label.typology()) {
      case STALLED_SHIPMENT -> stall(journey, rng);
      case LATE_DELIVERY -> deliverLate(journey, rng);
      case STATUS_REGRESSION -> scanAfterDelivery(journey, rng);
      default -> throw new IllegalArgumentException(label.typology() + " is not a shipment typology");
    }
    shipping.dispatch(simulation, journey, label);
  }

  private Consignment parcel(Rng rng) {
    int listing = store.popularListing(rng);
    int seller = store.seller(listing);
    int buyer = store.activeBuyer(rng);
    return new Consignment(shipping.newShipmentId(), marketplace.newOrderId(), store.product(listing), 1,
        store.priceUsd(listing), store.sellerCity(seller), store.buyerCity(buyer),
        customs.transit(store.sellerCountry(seller), store.buyerCountry(buyer), rng), store.sellerId(seller),
        store.buyerId(buyer));
  }

  /** No scan for 3-5 days after dispatch; then the parcel is reported lost, or moves on with a new promise. */
  private static void stall(Journey journey, Rng rng) {
    List<Journey.Stop> stops = journey.stops();
    int dispatched = journey.indexOf(Journey.DISPATCHED);
    Journey.Stop dispatch = stops.get(dispatched);
    long stall = rng.millis(3 * Millis.DAY + 2 * Millis.HOUR, 5 * Millis.DAY);
    if (rng.chance(0.4)) {
      stops.subList(dispatched + 1, stops.size()).clear();
      stops.add(new Journey.Stop(dispatch.at() + stall, Journey.EXCEPTION, dispatch.place(), dispatch.eta()));
      return;
    }
    long newEta = Shipping.ceilToHour(journey.last().at() + stall + rng.millis(0, Millis.DAY));
    for (int i = dispatched + 1; i < stops.size(); i++) {
      Journey.Stop stop = stops.get(i);
      stops.set(i, stop.at(stop.at() + stall).withEta(newEta));
    }
  }

  /**
   * Stretches the trip after the first line-haul scan so delivery lands 2.5-4.5 days after the promise,
   * which stays as it was; slow legs get a rescan where the parcel waits, early enough that the parcel can
   * still make the next place in time.
   */
  private static void deliverLate(Journey journey, Rng rng) {
    List<Journey.Stop> stops = journey.stops();
    int anchorIndex = journey.indexOf(Journey.IN_TRANSIT);
    long anchor = stops.get(anchorIndex).at();
    long delivered = journey.last().at();
    long target = journey.last().eta() + rng.millis(60 * Millis.HOUR, 108 * Millis.HOUR);
    double stretch = (double) (target - anchor) / (delivered - anchor);
    for (int i = anchorIndex + 1; i < stops.size(); i++) {
      Journey.Stop stop = stops.get(i);
      stops.set(i, stop.at(anchor + Math.round((stop.at() - anchor) * stretch)));
    }
    for (int i = anchorIndex + 1; i < stops.size(); i++) {
      Journey.Stop previous = stops.get(i - 1);
      Journey.Stop next = stops.get(i);
      if (next.at() - previous.at() > LATE_MAX_GAP) {
        long latest = next.at() - Shipping.shortestTrip(previous.place(), next.place());
        long rescan = Math.min(previous.at() + rng.millis(18 * Millis.HOUR, 30 * Millis.HOUR), latest);
        if (rescan > previous.at()) {
          stops.add(i, previous.at(rescan));
        }
      }
    }
  }

  /** A scan after delivery: a mis-scan, a parcel taken back, or a delivery that never was. */
  private static void scanAfterDelivery(Journey journey, Rng rng) {
    Journey.Stop delivered = journey.last();
    journey.stops().add(new Journey.Stop(delivered.at() + rng.millis(2 * Millis.HOUR, 30 * Millis.HOUR),
        rng.pick(REGRESSED_STATUSES), delivered.place(), delivered.eta()));
  }
}
