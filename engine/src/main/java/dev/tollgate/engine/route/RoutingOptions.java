package dev.tollgate.engine.route;

import java.io.Serializable;
import java.time.Duration;

/**
 * How alerts are routed and grouped into cases.
 *
 * @param caseSpan how long a case stays open after its last alert, in event time
 */
public record RoutingOptions(Duration caseSpan) implements Serializable {
  public static final Duration DEFAULT_CASE_SPAN = Duration.ofDays(7);

  public RoutingOptions {
    if (caseSpan.isNegative() || caseSpan.isZero()) {
      throw new IllegalArgumentException("the case span must be positive, got " + caseSpan);
    }
  }

  /** Cases open for {@link #DEFAULT_CASE_SPAN} after their last alert. */
  public static RoutingOptions defaults() {
    return new RoutingOptions(DEFAULT_CASE_SPAN);
  }
}
