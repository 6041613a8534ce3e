package dev.tollgate.dsl.plan;

import java.io.Serializable;
import java.util.List;

/** A compiled rule set: everything an engine needs to run it, its routes and its tests. */
public record RuleSetPlan(
    List<EventTypePlan> eventTypes,
    List<RulePlan> rules,
    List<AggregatePlan> aggregates,
    List<TestPlan> tests,
    List<RoutePlan> routes)
    implements Serializable {

  public RuleSetPlan {
    eventTypes = List.copyOf(eventTypes);
    rules = List.copyOf(rules);
    aggregates = List.copyOf(aggregates);
    tests = List.copyOf(tests);
    routes = List.copyOf(routes);
  }

  /** A rule set without routes: every active alert goes to the default alerts output. */
  public RuleSetPlan(List<EventTypePlan> eventTypes, List<RulePlan> rules, List<AggregatePlan> aggregates,
      List<TestPlan> tests) {
    this(eventTypes, rules, aggregates, tests, List.of());
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
