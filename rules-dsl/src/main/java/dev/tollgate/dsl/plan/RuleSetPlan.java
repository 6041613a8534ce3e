package dev.tollgate.dsl.plan;

import java.io.Serializable;
import java.util.List;

/** A compiled rule set: everything an engine needs to run it, and its tests. */
public record RuleSetPlan(
    List<EventTypePlan> eventTypes,
    List<RulePlan> rules,
    List<AggregatePlan> aggregates,
    List<TestPlan> tests)
    implements Serializable {

  public RuleSetPlan {
    eventTypes = List.copyOf(eventTypes);
    rules = List.copyOf(rules);
    aggregates = List.copyOf(aggregates);
    tests = List.copyOf(tests);
  }

  /** The event type with this name, or null. */
  public EventTypePlan eventType(String name) {
    for (EventTypePlan type : eventTypes) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return null;
  }
}
