package dev.tollgate.jobs.generate;

/**
 * A kind of background traffic and how much of it one simulated day brings. The volumes are those of a
 * mid-sized bank with a card portfolio and a cross-border marketplace: small enough that the busiest
 * customer or card looks like a busy person or small business rather than a machine.
 */
public enum Domain {
  LEDGER("Transaction", "ledger postings: card spending, transfers, wires, cash, fees", 10_500),
  CARDS("Payment", "card authorizations at home and at foreign web shops", 7_500),
  ACCOUNTS("AccountEvent", "online banking: logins, credential changes, payout methods, payouts", 4_500),
  MARKETPLACE("Order, CustomsDeclaration, ShipmentScan",
      "marketplace orders, their export declarations and parcel tracking scans", 7_500);

  private final String eventTypes;
  private final String description;
  private final int eventsPerDay;

  Domain(String eventTypes, String description, int eventsPerDay) {
    this.eventTypes = eventTypes;
    this.description = description;
    this.eventsPerDay = eventsPerDay;
  }

  /** The catalog event types the domain writes. */
  public String eventTypes() {
    return eventTypes;
  }

  public String description() {
    return description;
  }

  /** Average events one simulated day of this domain writes. */
  public int eventsPerDay() {
    return eventsPerDay;
  }
}
