package dev.tollgate.jobs.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Card authorizations over an exact number of distinct cards, for measuring how state grows with
 * keys: event {@code i} is on card {@code i mod keys}, so {@code min(events, keys)} cards appear,
 * and the events span one hour of event time in order, so every card is still inside the one-hour
 * and 15-minute windows of the card rules when the input ends. Amounts mix micro-authorizations
 * (card-testing probes), ordinary purchases and large ones, so the pattern rule holds partial
 * matches. Deterministic for a seed.
 */
final class SyntheticPayments {
  private static final long START = Instant.parse("2025-03-03T00:00:00Z").toEpochMilli();
  private static final long SPAN_MILLIS = 3_600_000;
  private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "NL", "ES", "IT", "PL", "SG", "JP"};

  private SyntheticPayments() {}

  static BenchInput write(Path directory, int parts, long events, long keys, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder line = new StringBuilder(320);
    try (BenchInput.PartWriter out = new BenchInput.PartWriter(directory, parts)) {
      for (long i = 0; i < events; i++) {
        long card = i % keys;
        long ts = START + i * SPAN_MILLIS / events;
        double roll = random.nextDouble();
        String amount = roll < 0.15
            ? "1." + random.nextInt(10) + random.nextInt(10)
            : roll < 0.95 ? (10 + random.nextInt(290)) + "." + random.nextInt(10) + "0" : String.valueOf(500 + random.nextInt(4500));
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        line.setLength(0);
        line.append("{\"event\":\"Payment\",\"id\":\"pay-").append(i)
            .append("\",\"ts\":\"").append(Instant.ofEpochMilli(ts))
            .append("\",\"cardId\":\"card-").append(Long.toHexString(mix(card)))
            .append("\",\"accountId\":\"acct-").append(card / 2)
            .append("\",\"merchantId\":\"m-").append(random.nextInt(5_000))
            .append("\",\"merchantCountry\":\"").append(country)
            .append("\",\"amount\":").append(amount)
            .append(",\"currency\":\"EUR\",\"status\":\"APPROVED\",\"ipCountry\":\"").append(country)
            .append("\",\"deviceId\":\"dev-").append(card % 100_003)
            .append("\"}");
        out.write(line.toString());
      }
      return new BenchInput(directory, out.written(),
          String.format("%,d card authorizations on %,d distinct cards over 1 h of event time", events, Math.min(events, keys)));
    }
  }

  /** A fixed bijection of longs, so card ids look random but stay distinct. */
  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
