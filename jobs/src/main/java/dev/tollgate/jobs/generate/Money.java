package dev.tollgate.jobs.generate;

/** Amounts as hundredths of a currency unit, the way the writer prints decimals. */
final class Money {
  private Money() {}

  /** An amount drawn in US dollars, expressed in {@code country}'s currency as people would pay it. */
  static long local(double usd, Country country) {
    double units = usd / country.usdPerUnit();
    return country.hasWholeUnitCurrency() ? Math.max(1, Math.round(units)) * 100 : Math.max(1, Math.round(units * 100));
  }

  /** An amount drawn in US dollars, rounded to a multiple of {@code step} units of {@code country}'s currency. */
  static long localRounded(double usd, Country country, long step) {
    long units = Math.round(usd / country.usdPerUnit() / step) * step;
    return Math.max(step, units) * 100;
  }

  static long hundredths(double units) {
    return Math.round(units * 100);
  }

  static long wholeUnits(long units) {
    return units * 100;
  }
}
