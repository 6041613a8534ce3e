package dev.tollgate.jobs.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A risk pattern the generator can inject into background traffic. Every event of an injected instance
 * carries the typology's {@link #label()} in a {@code "label"} member, so detections can be scored.
 */
public enum Typology {
  STRUCTURING(Family.MONEY_LAUNDERING, Millis.DAY, 4,
      "3-5 cash deposits of 8,000-9,999 into one account within a day"),
  FAN_IN(Family.MONEY_LAUNDERING, Millis.DAY, 20,
      "15-25 distinct senders pay into one account within 24 h"),
  FAN_OUT(Family.MONEY_LAUNDERING, Millis.DAY, 20,
      "one account pays 15-25 distinct receivers within 24 h"),
  RAPID_MOVEMENT(Family.MONEY_LAUNDERING, 2 * Millis.DAY, 2,
      "a large incoming wire, then 90-98% of it wired out within 48 h"),
  HIGH_RISK_CORRIDOR(Family.MONEY_LAUNDERING, Millis.HOUR, 1,
      "a wire of 10,000 or more to a FATF black- or grey-listed country"),
  ROUND_AMOUNT_BURST(Family.MONEY_LAUNDERING, Millis.DAY, 6,
      "5-8 transfers of round thousands from one account within 24 h"),
  CARD_TESTING(Family.FRAUD, 15 * Millis.MINUTE, 5,
      "3-6 authorizations of 2.00 or less, then one of 500 or more in another merchant country, within 15 min"),
  ACCOUNT_TAKEOVER(Family.FRAUD, 2 * Millis.DAY, 6,
      "after the owner's own login, a login from a new device abroad, password change, new payout method and "
          + "payout within 3 h"),
  IMPOSSIBLE_TRAVEL(Family.FRAUD, Millis.HOUR, 2,
      "two consecutive logins at least 3,000 km apart within an hour"),
  EMBARGOED_DESTINATION(Family.CONTRABAND, 8 * Millis.HOUR, 2,
      "an order placed and goods declared for export to CU, IR, KP or SY, often through a transit hub"),
  RESTRICTED_HS_CODE(Family.CONTRABAND, Millis.HOUR, 1,
      "arms, explosives, nuclear material or drug precursors declared for export"),
  SPLIT_SHIPMENTS(Family.CONTRABAND, Millis.DAY, 5,
      "4-6 declarations to one consignee within a day, each under the destination's de-minimis value, together above it"),
  UNDERVALUATION(Family.CONTRABAND, Millis.HOUR, 1,
      "goods declared at 3-18% of their typical unit value"),
  STALLED_SHIPMENT(Family.SHIPMENT, 6 * Millis.DAY, 4,
      "a parcel dispatched, then no scan for 3-5 days"),
  LATE_DELIVERY(Family.SHIPMENT, 9 * Millis.DAY, 10,
      "a parcel still not delivered 2 days after its promised delivery time"),
  STATUS_REGRESSION(Family.SHIPMENT, 8 * Millis.DAY, 9,
      "a parcel scanned again after it was DELIVERED");

  /** Typologies injected by the same injector, named like the rule pack that looks for them. */
  public enum Family {
    MONEY_LAUNDERING("aml"), FRAUD("fraud"), CONTRABAND("contraband"), SHIPMENT("shipment");

    private final String scenario;

    Family(String scenario) {
      this.scenario = scenario;
    }

    /** The {@code --scenario} name that injects the family's typologies. */
    public String scenario() {
      return scenario;
    }
  }

  private final Family family;
  private final long playOutMillis;
  private final int typicalEvents;
  private final String description;

  Typology(Family family, long playOutMillis, int typicalEvents, String description) {
    this.family = family;
    this.playOutMillis = playOutMillis;
    this.typicalEvents = typicalEvents;
    this.description = description;
  }

  /** The value of the {@code "label"} member and of {@code --scenario}: the lower-case name. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Family family() {
    return family;
  }

  /** What an instance looks like, in one line. */
  public String description() {
    return description;
  }

  /** How much event time an instance needs before its last event (or the absence it shows) is visible. */
  long playOutMillis() {
    return playOutMillis;
  }

  /** Events an instance writes on average, to size the injection to the requested share of events. */
  int typicalEvents() {
    return typicalEvents;
  }

  public static Optional<Typology> fromLabel(String label) {
    return Arrays.stream(values()).filter(t -> t.label().equals(label)).findFirst();
  }
}
