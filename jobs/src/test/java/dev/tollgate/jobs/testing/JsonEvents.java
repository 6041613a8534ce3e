package dev.tollgate.jobs.testing;

import java.time.Instant;

/** JSON lines of the shipped event catalog, for tests that produce events. */
public final class JsonEvents {
  private JsonEvents() {}

  public static String cashDeposit(String id, Instant ts, String account, String amount) {
    return String.format("{\"event\":\"Transaction\",\"id\":\"%s\",\"ts\":\"%s\",\"accountId\":\"%s\",\"direction\":\"IN\","
        + "\"type\":\"CASH_DEPOSIT\",\"amount\":%s,\"currency\":\"USD\",\"country\":\"US\",\"channel\":\"BRANCH\"}",
        id, ts, account, amount);
  }

  public static String payment(String id, Instant ts, String card, String merchantCountry, String amount) {
    return String.format("{\"event\":\"Payment\",\"id\":\"%s\",\"ts\":\"%s\",\"cardId\":\"%s\",\"accountId\":\"A-%s\","
        + "\"merchantId\":\"M-%s\",\"merchantCountry\":\"%s\",\"amount\":%s,\"currency\":\"USD\",\"status\":\"APPROVED\"}",
        id, ts, card, card, merchantCountry, merchantCountry, amount);
  }

  /** A customs declaration, without the {@code event} member when {@code typed}. */
  public static String declaration(boolean typed, String id, Instant ts, String shipment, String origin,
      String destination) {
    return String.format("{%s\"id\":\"%s\",\"ts\":\"%s\",\"shipmentId\":\"%s\",\"hsCode\":\"851712\","
        + "\"description\":\"mobile phones\",\"declaredValue\":1200.00,\"currency\":\"USD\",\"quantity\":4,"
        + "\"originCountry\":\"%s\",\"destinationCountry\":\"%s\",\"consignee\":\"K-%s\",\"shipper\":\"P-%s\","
        + "\"weightKg\":2.5}", typed ? "" : "\"event\":\"CustomsDeclaration\",", id, ts, shipment, origin, destination,
        shipment, shipment);
  }

  /** A placed order on a topic bound to {@code Order} (no {@code event} member). */
  public static String order(String id, Instant ts, String buyer, String sku, String category, long quantity,
      String destination) {
    return String.format("{\"id\":\"%s\",\"ts\":\"%s\",\"orderId\":\"O-%s\",\"buyerId\":\"%s\",\"sellerId\":\"S1\","
        + "\"sku\":\"%s\",\"category\":\"%s\",\"quantity\":%d,\"unitPrice\":10.00,\"amount\":%d.00,\"currency\":\"USD\","
        + "\"destinationCountry\":\"%s\",\"channel\":\"WEB\",\"status\":\"PLACED\"}",
        id, ts, id, buyer, sku, category, quantity, quantity * 10, destination);
  }

  /** A carrier scan on a topic bound to {@code ShipmentScan}. */
  public static String scan(String id, Instant ts, String shipment, String status, String country, double lat,
      double lon, Instant eta) {
    return String.format("{\"id\":\"%s\",\"ts\":\"%s\",\"shipmentId\":\"%s\",\"status\":\"%s\",\"location\":\"%s hub\","
        + "\"country\":\"%s\",\"lat\":%s,\"lon\":%s,\"carrier\":\"DHL\"%s}", id, ts, shipment, status, country, country,
        lat, lon, eta == null ? "" : ",\"eta\":\"" + eta + "\"");
  }
}
