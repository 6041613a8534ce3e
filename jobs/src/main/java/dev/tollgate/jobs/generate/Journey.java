package dev.tollgate.jobs.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A parcel's scans, planned in full when it is handed to the carrier. Typology injectors reshape the plan
 * (a stall, a late delivery, a scan after delivery) before it plays.
 */
record Journey(String shipmentId, String carrier, List<Stop> stops) {
  static final String CREATED = "CREATED";
  static final String DISPATCHED = "DISPATCHED";
  static final String IN_TRANSIT = "IN_TRANSIT";
  static final String ARRIVED_HUB = "ARRIVED_HUB";
  static final String CUSTOMS_HOLD = "CUSTOMS_HOLD";
  static final String CUSTOMS_CLEARED = "CUSTOMS_CLEARED";
  static final String OUT_FOR_DELIVERY = "OUT_FOR_DELIVERY";
  static final String DELIVERED = "DELIVERED";
  static final String EXCEPTION = "EXCEPTION";

  /** One planned scan; {@code eta} is the delivery time the carrier promises as of this scan. */
  record Stop(long at, String status, Place place, long eta) {
    Stop at(long time) {
      return new Stop(time, status, place, eta);
    }

    Stop withEta(long newEta) {
      return new Stop(at, status, place, newEta);
    }
  }

  Journey {
    stops = new ArrayList<>(stops);
  }

  int indexOf(String status) {
    for (int i = 0; i < stops.size(); i++) {
      if (stops.get(i).status().equals(status)) {
        return i;
      }
    }
    throw new IllegalStateException("shipment " + shipmentId + " has no " + status + " scan");
  }

  Stop last() {
    return stops.get(stops.size() - 1);
  }

  Event toEvent(Stop stop) {
    Place place = stop.place();
    return new Event(EventType.SHIPMENT_SCAN, stop.at(), 8)
        .string("shipmentId", shipmentId)
        .string("status", stop.status())
        .string("location", place.location())
        .string("country", place.countryCode())
        .real("lat", place.lat())
        .real("lon", place.lon())
        .string("carrier", carrier)
        .timestamp("eta", stop.eta());
  }
}
