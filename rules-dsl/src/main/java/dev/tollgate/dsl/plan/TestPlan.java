package dev.tollgate.dsl.plan;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled {@code test} block. The target is compiled with the test's {@code param} overrides,
 * so exactly one of {@code rule} and {@code aggregate} is non-null.
 *
 * @param location {@code file:line} of the test, for reports
 */
public record TestPlan(
    String name,
    String location,
    RulePlan rule,
    AggregatePlan aggregate,
    List<TestEvent> given,
    List<Expectation> expectations)
    implements Serializable {

  public TestPlan {
    given = List.copyOf(given);
    expectations = List.copyOf(expectations);
  }

  /** The id of the rule or aggregate under test. */
  public String targetId() {
    return rule != null ? rule.id() : aggregate.id();
  }

  /**
   * A given event: its type and values in the type's field order (absent fields null).
   *
   * @param line the line of the event in the test file
   */
  public record TestEvent(int eventType, List<Object> values, int line) implements Serializable {
    public TestEvent {
      values = Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
  }

  /** One assertion about the target's output. */
  public sealed interface Expectation extends Serializable {
    /** Line of the {@code expect} in the test file. */
    int line();
  }

  /** {@code expect no alerts}. */
  public record NoAlerts(int line) implements Expectation {}

  /** {@code expect N alerts}. */
  public record AlertCount(int count, int line) implements Expectation {}

  /** {@code expect N records} (aggregates). */
  public record RecordCount(int count, int line) implements Expectation {}

  /**
   * {@code expect alert { ... }}: some alert has every given property. Null members are not
   * checked. {@code key} maps key field names to values; {@code events} are ids in order.
   */
  public record AlertMatching(
      Map<String, Object> key, List<String> events, String message, Severity severity, int line)
      implements Expectation {
    public AlertMatching {
      key = key == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(key));
      events = events == null ? null : List.copyOf(events);
    }
  }

  /**
   * {@code expect record { ... }} (aggregates): some output record has every given member;
   * {@code window_start}/{@code window_end} are epoch millis, aggregates and group fields their
   * typed values.
   */
  public record RecordMatching(Map<String, Object> fields, int line) implements Expectation {
    public RecordMatching {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }
}
