package dev.tollgate.jobs.generate;

/** A facility where a parcel is scanned. */
record Place(String location, String countryCode, double lat, double lon) {

  /** A facility in {@code city}, a short drive from its centre. */
  static Place in(City city, String facility, Rng rng) {
    String location = facility.isEmpty() ? city.name() : city.name() + " " + facility;
    return new Place(location, city.countryCode(), city.lat() + rng.between(-0.04, 0.04),
        city.lon() + rng.between(-0.04, 0.04));
  }
}
