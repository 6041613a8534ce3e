package dev.tollgate.jobs.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Card acceptors. Most trade where customers live; the rest are the cross-border web shops of the big
 * exporting countries. Within a country, a few merchants take most of the payments.
 */
final class Merchants {
  /** Share of merchants that sell across borders rather than to their neighbours. */
  private static final double CROSS_BORDER_SHARE = 0.25;

  private final Country[] country;
  private final Map<Country, int[]> byCountry = new HashMap<>();
  private final Map<Country, Zipf> popularity = new HashMap<>();
  private final Weighted<Country> exporters;

  Merchants(Geography geography, int count, Rng rng) {
    Weighted<Country> local = Weighted.of(geography.countries(), Country::accountWeight);
    this.exporters = Weighted.of(geography.countries(), Country::sellerWeight);
    this.country = new Country[count];
    Map<Country, List<Integer>> members = new HashMap<>();
    for (int m = 0; m < count; m++) {
      country[m] = rng.chance(CROSS_BORDER_SHARE) ? exporters.pick(rng) : local.pick(rng);
      members.computeIfAbsent(country[m], k -> new ArrayList<>()).add(m);
    }
    members.forEach((where, list) -> {
      byCountry.put(where, list.stream().mapToInt(Integer::intValue).toArray());
      popularity.put(where, new Zipf(list.size(), 1.0, 5));
    });
  }

  /** A merchant in {@code where}, or a cross-border one when none trades there. */
  int in(Country where, Rng rng) {
    int[] members = byCountry.get(where);
    if (members == null) {
      return abroad(rng);
    }
    return members[popularity.get(where).sample(rng)];
  }

  /** A cross-border web shop. */
  int abroad(Rng rng) {
    for (int attempt = 0; attempt < 16; attempt++) {
      Country where = exporters.pick(rng);
      if (byCountry.containsKey(where)) {
        return in(where, rng);
      }
    }
    return rng.below(country.length);
  }

  String id(int merchant) {
    return Ids.numbered("MER", merchant, 6);
  }

  Country country(int merchant) {
    return country[merchant];
  }
}
