package dev.tollgate.jobs.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Countries, cities and the corridors international wires follow, read from the shipped tables. */
final class Geography {
  private static final double EARTH_RADIUS_KM = 6371.0;

  private final List<Country> countries;
  private final Map<String, Country> byCode;
  private final Map<Country, Weighted<Country>> wireCorridors;
  private final Weighted<Country> wireReceivers;

  private Geography(List<Country> countries, List<Tsv.Row> corridors) {
    this.countries = List.copyOf(countries);
    this.byCode = new HashMap<>();
    countries.forEach(c -> byCode.put(c.code(), c));
    Map<Country, Map<Country, Double>> weights = new LinkedHashMap<>();
    Map<Country, Double> received = new LinkedHashMap<>();
    for (Tsv.Row row : corridors) {
      Country from = country(row.text("from"));
      Country to = country(row.text("to"));
      double weight = row.number("weight");
      weights.computeIfAbsent(from, k -> new LinkedHashMap<>()).put(to, weight);
      received.merge(to, weight, Double::sum);
    }
    this.wireCorridors = new HashMap<>();
    weights.forEach((from, to) -> wireCorridors.put(from,
        Weighted.of(new ArrayList<>(to.keySet()), to::get)));
    this.wireReceivers = Weighted.of(new ArrayList<>(received.keySet()), received::get);
  }

  static Geography load() {
    Map<String, List<City>> cities = new HashMap<>();
    for (Tsv.Row row : Tsv.read("cities.tsv")) {
      City city = new City(row.text("city"), row.text("country"), row.number("lat"), row.number("lon"),
          row.flag("hub"));
      cities.computeIfAbsent(city.countryCode(), k -> new ArrayList<>()).add(city);
    }
    List<Country> countries = new ArrayList<>();
    for (Tsv.Row row : Tsv.read("countries.tsv")) {
      String code = row.text("code");
      List<City> own = cities.get(code);
      if (own == null) {
        throw new IllegalStateException("countries.tsv:" + row.line() + ": no city for " + code);
      }
      countries.add(new Country(code, row.text("name"), row.text("currency"), row.number("usdPerUnit"),
          row.number("accounts"), row.number("buyers"), row.number("sellers"), fatf(row.text("fatf")),
          row.flag("embargoed"), Arrays.asList(row.text("carriers").split(";")), deMinimis(row.text("deMinimisUsd")),
          List.copyOf(own)));
    }
    return new Geography(countries, Tsv.read("corridors.tsv"));
  }

  private static double deMinimis(String cell) {
    return cell.equals("-") ? 0 : Double.parseDouble(cell);
  }

  private static Country.FatfList fatf(String cell) {
    return cell.equals("-") ? Country.FatfList.NONE : Country.FatfList.valueOf(cell);
  }

  List<Country> countries() {
    return countries;
  }

  Country country(String code) {
    Country country = byCode.get(code);
    if (country == null) {
      throw new IllegalArgumentException("unknown country " + code);
    }
    return country;
  }

  /** Where a customer of {@code from} wires money abroad, by that country's remittance corridors. */
  Country wireDestination(Country from, double u) {
    Weighted<Country> corridor = wireCorridors.get(from);
    Weighted<Country> choices = corridor != null ? corridor : wireReceivers;
    Country to = choices.pick(u);
    // A country without its own corridors may draw itself from the global receivers: use the busiest other.
    return to != from ? to : choices.pick((u + 0.5) % 1.0);
  }

  /** A city at least {@code minKm} from {@code from}, in a country other than its own. */
  City cityFarFrom(City from, double minKm, Rng rng) {
    for (int attempt = 0; attempt < 100; attempt++) {
      City candidate = rng.pick(rng.pick(countries).cities());
      if (!candidate.countryCode().equals(from.countryCode()) && distanceKm(from, candidate) >= minKm) {
        return candidate;
      }
    }
    throw new IllegalStateException("no city is " + minKm + " km from " + from.name());
  }

  /** Great-circle distance. */
  static double distanceKm(City a, City b) {
    return distanceKm(a.lat(), a.lon(), b.lat(), b.lon());
  }

  /** Great-circle distance between two points given in degrees. */
  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double h = StrictMath.pow(StrictMath.sin(dLat / 2), 2)
        + StrictMath.cos(Math.toRadians(lat1)) * StrictMath.cos(Math.toRadians(lat2))
            * StrictMath.pow(StrictMath.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * StrictMath.asin(StrictMath.sqrt(h));
  }
}
