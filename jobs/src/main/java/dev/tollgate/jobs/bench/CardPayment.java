package dev.tollgate.jobs.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * A card authorization as a plain Flink job would model it: a POJO that Jackson fills from the
 * JSON line and Flink serializes with its POJO serializer. Only what the card-testing pattern
 * reads; other members are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class CardPayment {
  public String event;
  public String id;
  /** As written in the line: an ISO-8601 instant or epoch milliseconds. */
  public String ts;
  /** Event time in epoch milliseconds, from {@link #ts}. */
  public long time;
  public String cardId;
  public String merchantCountry;
  public BigDecimal amount;
  public String currency;

  public CardPayment() {}
}
