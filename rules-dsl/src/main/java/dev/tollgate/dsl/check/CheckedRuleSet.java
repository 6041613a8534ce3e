package dev.tollgate.dsl.check;

import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.plan.TablePlan;
import java.util.List;
import java.util.Map;

/**
 * The checker's output: declarations that passed, in declaration order, with the {@link Analysis}
 * of their expressions. Only a rule set without errors is handed to the planner.
 *
 * @param consts const values after {@code --param} overrides
 */
public record CheckedRuleSet(
    List<EventType> eventTypes,
    Map<String, ConstValue> consts,
    Map<String, ListPlan> lists,
    Map<String, TablePlan> tables,
    List<CheckedRule> rules,
    List<CheckedAggregate> aggregates,
    List<CheckedTest> tests,
    List<CheckedRoute> routes,
    Analysis analysis) {

  public CheckedRuleSet {
    eventTypes = List.copyOf(eventTypes);
    consts = Map.copyOf(consts);
    lists = Map.copyOf(lists);
    tables = Map.copyOf(tables);
    rules = List.copyOf(rules);
    aggregates = List.copyOf(aggregates);
    tests = List.copyOf(tests);
    routes = List.copyOf(routes);
  }
}
