package dev.tollgate.jobs.bench.demand;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A deterministic JSON-lines file of {@code Order} events for the demand benchmark: the same count
 * gives the same bytes. Orders arrive every 250 ms of event time, in order, from 2026-03-01; SKU
 * and destination popularity are skewed (a few best sellers, a long tail), as marketplace demand
 * is; one order in twelve is cancelled.
 */
final class OrderFile {
  static final int SKUS = 5_000;
  static final String[] COUNTRIES = {
      "US", "DE", "GB", "FR", "JP", "CA", "AU", "NL", "ES", "IT", "SE", "PL", "BE", "CH", "AT",
      "IE", "DK", "NO", "FI", "PT", "AE", "SG", "KR", "BR", "MX"};
  static final String[] CATEGORIES = {
      "APPAREL", "ELECTRONICS", "HOME", "TOYS", "BEAUTY", "SPORTS", "BOOKS", "GARDEN",
      "CHEMICALS", "KNIVES", "DRONES", "PHARMACY"};
  private static final long START = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
  private static final long EVERY_MILLIS = 250;

  private OrderFile() {}

  /** Writes {@code orders} orders to {@code file} unless it already holds them. */
  static Path write(Path file, long orders) throws IOException {
    if (Files.isRegularFile(file) && Files.size(file) > 0 && lineCount(file) == orders) {
      return file;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    SplittableRandom random = new SplittableRandom(20260301L);
    StringBuilder line = new StringBuilder(320);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long i = 0; i < orders; i++) {
        line.setLength(0);
        append(line, i, random);
        out.write(line.toString());
        out.write('\n');
      }
    }
    return file;
  }

  private static void append(StringBuilder line, long i, SplittableRandom random) {
    double u = random.nextDouble();
    int sku = (int) (SKUS * u * u * u);
    double v = random.nextDouble();
    String country = COUNTRIES[(int) (COUNTRIES.length * v * v)];
    String category = CATEGORIES[sku % CATEGORIES.length];
    int quantity = 1 + random.nextInt(5);
    int cents = 199 + (sku * 7919) % 20_000;
    long amountCents = (long) quantity * cents;
    line.append("{\"event\":\"Order\",\"id\":\"o").append(i)
        .append("\",\"ts\":").append(START + i * EVERY_MILLIS)
        .append(",\"orderId\":\"O").append(i)
        .append("\",\"buyerId\":\"B").append(random.nextInt(200_000))
        .append("\",\"sellerId\":\"S").append(sku % 700)
        .append("\",\"sku\":\"SKU-").append(sku)
        .append("\",\"category\":\"").append(category)
        .append("\",\"quantity\":").append(quantity)
        .append(",\"unitPrice\":").append(cents / 100).append('.').append(twoDigits(cents % 100))
        .append(",\"amount\":").append(amountCents / 100).append('.').append(twoDigits(amountCents % 100))
        .append(",\"currency\":\"USD\",\"destinationCountry\":\"").append(country)
        .append("\",\"channel\":\"WEB\",\"status\":\"").append(random.nextInt(12) == 0 ? "CANCELLED" : "PLACED")
        .append("\"}");
  }

  private static String twoDigits(long value) {
    return value < 10 ? "0" + value : Long.toString(value);
  }

  private static long lineCount(Path file) throws IOException {
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.count();
    }
  }
}
