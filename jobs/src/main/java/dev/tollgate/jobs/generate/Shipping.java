package dev.tollgate.jobs.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Parcels from pickup to doorstep: CREATED, DISPATCHED, IN_TRANSIT through the export gateway (and any
 * transit hub), ARRIVED_HUB in the destination country, customs (sometimes held), OUT_FOR_DELIVERY and
 * DELIVERED, with the occasional failed delivery attempt. No two scans of a healthy parcel are more
 * than 40 hours apart (plus flying time), no parcel moves faster than a cargo flight, and the carrier's
 * promised delivery time is missed by less than a day.
 */
final class Shipping {
  private static final List<String> EXPRESS = List.of("DHL", "FEDEX", "UPS");
  private static final double EXPRESS_SHARE = 0.55;
  private static final double CUSTOMS_HOLD_RATE = 0.07;
  private static final double FAILED_ATTEMPT_RATE = 0.03;
  /** The latest a healthy parcel arrives after its promised time. */
  private static final long MAX_NORMAL_LATENESS = 20 * Millis.HOUR;
  /** Average speed of a parcel on a flight, gate to gate. */
  private static final double FLIGHT_KMH = 700;
  /** Loading, unloading and sorting around a flight. */
  private static final long FLIGHT_HANDLING = 2 * Millis.HOUR;
  /** Up to this distance a parcel goes by road, within the hours a leg takes anyway. */
  private static final double LOCAL_KM = 100;

  private final Geography geography;
  private long shipments;

  Shipping(Geography geography) {
    this.geography = geography;
  }

  String newShipmentId() {
    return Ids.numbered("SHP", ++shipments, 10);
  }

  /** Plans the scans of a consignment handed over at {@code createdAt}. */
  Journey plan(Consignment consignment, long createdAt, Rng rng) {
    Country from = geography.country(consignment.origin().countryCode());
    Country to = geography.country(consignment.destination().countryCode());
    boolean crossBorder = from != to;
    String carrier = crossBorder && rng.chance(EXPRESS_SHARE) ? rng.pick(EXPRESS) : rng.pick(from.carriers());
    List<Journey.Stop> stops = new ArrayList<>();
    Itinerary route = new Itinerary(stops, createdAt, rng);
    route.scan(0, 0, Journey.CREATED, Place.in(consignment.origin(), "", rng));
    route.scan(2, 20, Journey.DISPATCHED, Place.in(consignment.origin(), "Depot", rng));
    if (crossBorder) {
      route.scan(4, 30, Journey.IN_TRANSIT, Place.in(from.hub(), "Export Gateway", rng));
      if (!EXPRESS.contains(carrier)) {
        route.scan(12, 40, Journey.IN_TRANSIT, Place.in(from.hub(), "International Mail Exchange", rng));
      }
      if (consignment.transit() != null) {
        route.scan(8, 30, Journey.IN_TRANSIT, Place.in(consignment.transit().hub(), "Transit Hub", rng));
      }
      Place customs = Place.in(to.hub(), "International Hub", rng);
      route.scan(10, 40, Journey.ARRIVED_HUB, customs);
      if (rng.chance(CUSTOMS_HOLD_RATE)) {
        route.scan(1, 12, Journey.CUSTOMS_HOLD, customs);
        route.scan(12, 40, Journey.CUSTOMS_CLEARED, customs);
      } else {
        route.scan(2, 20, Journey.CUSTOMS_CLEARED, customs);
      }
    } else {
      route.scan(4, 30, Journey.IN_TRANSIT, Place.in(from.hub(), "Sort Center", rng));
      route.scan(6, 30, Journey.ARRIVED_HUB, Place.in(consignment.destination(), "Sort Center", rng));
    }
    Place station = Place.in(consignment.destination(), "Delivery Station", rng);
    route.scan(6, 30, Journey.OUT_FOR_DELIVERY, station);
    if (rng.chance(FAILED_ATTEMPT_RATE)) {
      route.scan(2, 8, Journey.EXCEPTION, station);
      route.scan(16, 30, Journey.OUT_FOR_DELIVERY, station);
    }
    route.scan(1, 10, Journey.DELIVERED, Place.in(consignment.destination(), "", rng));
    long eta = promisedDelivery(createdAt, crossBorder, EXPRESS.contains(carrier), route.time, rng);
    stops.replaceAll(stop -> stop.withEta(eta));
    return new Journey(consignment.shipmentId(), carrier, stops);
  }

  /** The carrier's promise: a fixed service level, unless it knows better (it never misses by much). */
  private static long promisedDelivery(long createdAt, boolean crossBorder, boolean express, long delivered,
      Rng rng) {
    long serviceLevel = crossBorder ? (express ? 4 : 7) * Millis.DAY : 3 * Millis.DAY;
    long eta = createdAt + serviceLevel;
    if (delivered > eta + MAX_NORMAL_LATENESS) {
      eta = delivered - rng.millis(0, MAX_NORMAL_LATENESS);
    }
    return ceilToHour(eta);
  }

  /** The least time a parcel needs between two places: none by road nearby, a flight further away. */
  static long shortestTrip(Place from, Place to) {
    double km = Geography.distanceKm(from.lat(), from.lon(), to.lat(), to.lon());
    return km > LOCAL_KM ? FLIGHT_HANDLING + (long) (km / FLIGHT_KMH * Millis.HOUR) : 0;
  }

  static long ceilToHour(long time) {
    return Math.floorDiv(time + Millis.HOUR - 1, Millis.HOUR) * Millis.HOUR;
  }

  /** Plays a journey's scans in order; {@code label} marks them as injected, or is null. */
  void dispatch(Simulation simulation, Journey journey, Label label) {
    simulation.at(journey.stops().get(0).at(), new Playback(journey, label));
  }

  /** Emits a journey's next scan and schedules the one after: one agenda entry per parcel at a time. */
  private static final class Playback implements Activity {
    private final Journey journey;
    private final Label label;
    private int next;

    Playback(Journey journey, Label label) {
      this.journey = journey;
      this.label = label;
    }

    @Override
    public void run(Simulation simulation) {
      Event scan = journey.toEvent(journey.stops().get(next++));
      simulation.emit(label == null ? scan : scan.label(label));
      if (next < journey.stops().size()) {
        simulation.at(journey.stops().get(next).at(), this);
      }
    }
  }

  /**
   * Lays scans out in time, each a random number of hours after the previous one, and never sooner than a
   * flight between the two places would take.
   */
  private static final class Itinerary {
    private final List<Journey.Stop> stops;
    private final Rng rng;
    private long time;
    private Place last;

    Itinerary(List<Journey.Stop> stops, long start, Rng rng) {
      this.stops = stops;
      this.time = start;
      this.rng = rng;
    }

    void scan(int minHours, int maxHours, String status, Place place) {
      long earliest = last == null ? time : time + shortestTrip(last, place);
      time = Math.max(time + rng.millis(minHours * Millis.HOUR, maxHours * Millis.HOUR), earliest);
      stops.add(new Journey.Stop(time, status, place, 0));
      last = place;
    }
  }
}
