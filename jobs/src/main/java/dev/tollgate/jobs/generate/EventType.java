package dev.tollgate.jobs.generate;

/** The catalog's event types the generator writes, with the prefix of their event ids. */
enum EventType {
  TRANSACTION("Transaction", "tx"),
  PAYMENT("Payment", "pay"),
  ACCOUNT_EVENT("AccountEvent", "acct"),
  ORDER("Order", "ord"),
  CUSTOMS_DECLARATION("CustomsDeclaration", "decl"),
  SHIPMENT_SCAN("ShipmentScan", "scan");

  private final String wireName;
  private final String idPrefix;

  EventType(String wireName, String idPrefix) {
    this.wireName = wireName;
    this.idPrefix = idPrefix;
  }

  /** The value of the {@code "event"} member. */
  String wireName() {
    return wireName;
  }

  String idPrefix() {
    return idPrefix;
  }
}
