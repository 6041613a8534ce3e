package dev.tollgate.engine.testing;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertIds;
import dev.tollgate.engine.event.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts for routing and case tests, built field by field. The alert id is derived from rule,
 * key and event time, so two alerts differ in id when they differ in any of those.
 */
public final class Alerts {
  private String ruleId = "aml.structuring";
  private String category = "money_laundering";
  private Severity severity = Severity.HIGH;
  private Mode mode = Mode.ACTIVE;
  private final Map<String, Object> key = new LinkedHashMap<>();
  private long eventTime = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
  private List<String> tags = List.of();

  private Alerts() {}

  /** An active, high, money-laundering alert of aml.structuring without a key. */
  public static Alerts alert() {
    return new Alerts();
  }

  public Alerts rule(String id) {
    ruleId = id;
    return this;
  }

  public Alerts category(String name) {
    category = name;
    return this;
  }

  public Alerts severity(Severity level) {
    severity = level;
    return this;
  }

  public Alerts shadow() {
    mode = Mode.SHADOW;
    return this;
  }

  public Alerts key(String field, Object value) {
    key.put(field, value);
    return this;
  }

  public Alerts at(String iso) {
    eventTime = Instant.parse(iso).toEpochMilli();
    return this;
  }

  public Alerts tags(String... names) {
    tags = List.of(names);
    return this;
  }

  public Alert build() {
    List<Event> events = List.of();
    String id = AlertIds.of(ruleId, "v1", new java.util.ArrayList<>(key.values()), List.of())
        .substring(0, 16) + Long.toHexString(eventTime);
    return new Alert(id, ruleId, "v1", severity, category, mode, key, ruleId + " fired", eventTime, events, tags);
  }
}
