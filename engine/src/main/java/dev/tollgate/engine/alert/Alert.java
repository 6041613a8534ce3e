package dev.tollgate.engine.alert;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.engine.event.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule firing, as routed to case management (or, in shadow mode, only recorded).
 *
 * @param alertId deterministic, see {@link AlertIds}
 * @param ruleVersion the rule's {@code RulePlan#version()}
 * @param key key field name → value, in the rule's key order; empty for single-event rules
 * @param eventTime epoch millis of the event that completed the match, or an absence's deadline
 * @param events the matched events in event-time order
 */
public record Alert(
    String alertId,
    String ruleId,
    String ruleVersion,
    Severity severity,
    String category,
    Mode mode,
    Map<String, Object> key,
    String message,
    long eventTime,
    List<Event> events,
    List<String> tags) {

  public Alert {
    key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
    events = Collections.unmodifiableList(new ArrayList<>(events));
    tags = List.copyOf(tags);
  }

  /** Ids of the matched events, in order: what a rule test's {@code events: [...]} compares with. */
  public List<String> eventIds() {
    List<String> ids = new ArrayList<>(events.size());
    for (Event event : events) {
      ids.add(event.id());
    }
    return ids;
  }
}
