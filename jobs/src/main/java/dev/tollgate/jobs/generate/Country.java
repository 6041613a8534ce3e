package dev.tollgate.jobs.generate;

import java.util.List;

/**
 * A country with what the generator needs to know of it.
 *
 * @param usdPerUnit rough exchange rate of its currency, to express amounts drawn in US dollars locally
 * @param accountWeight relative share of bank customers homed there
 * @param buyerWeight relative share of marketplace buyers
 * @param sellerWeight relative share of marketplace sellers (and cross-border card merchants)
 * @param carriers parcel carriers that pick up there, national post first
 * @param deMinimisUsd customs value under which imports there are duty free, in USD; 0 when there is none
 * @param cities its cities; exactly one is the international hub
 */
record Country(
    String code,
    String name,
    String currency,
    double usdPerUnit,
    double accountWeight,
    double buyerWeight,
    double sellerWeight,
    FatfList fatf,
    boolean embargoed,
    List<String> carriers,
    double deMinimisUsd,
    List<City> cities) {

  /** The FATF list a jurisdiction is on, if any. */
  enum FatfList { NONE, GREY, BLACK }

  /** Whether wires there are high risk: FATF black or grey listed. */
  boolean highRisk() {
    return fatf != FatfList.NONE;
  }

  /** Whether small amounts look small in this currency, so fixed thresholds like 10,000 mean what they say. */
  boolean hasMajorCurrency() {
    return usdPerUnit >= 0.5;
  }

  /** Currencies whose cents nobody uses (yen, won, dong...): amounts there are whole units. */
  boolean hasWholeUnitCurrency() {
    return usdPerUnit < 0.02;
  }

  /** Countries are identified by their code; hashing the city list on every map lookup would dominate. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Country country && code.equals(country.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  City hub() {
    return cities.stream().filter(City::hub).findFirst().orElse(cities.get(0));
  }
}
