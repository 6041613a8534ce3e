package dev.tollgate.jobs.ruletest;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.dsl.plan.TestPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which rules and aggregates of a rule set no {@code test} block names. */
public final class Coverage {
  private Coverage() {}

  /**
   * One warning per untested rule or aggregate, in rule-set order: {@code rule aml.x
   * (rules/aml/x.rule:3) has no test}. Counts every test of the rule set, whichever were run.
   */
  public static List<String> untested(RuleSetPlan plan) {
    Set<String> tested = new HashSet<>();
    for (TestPlan test : plan.tests()) {
      tested.add(test.targetId());
    }
    List<String> warnings = new ArrayList<>();
    for (RulePlan rule : plan.rules()) {
      if (!tested.contains(rule.id())) {
        warnings.add("rule " + rule.id() + " (" + rule.location() + ") has no test");
      }
    }
    for (AggregatePlan aggregate : plan.aggregates()) {
      if (!tested.contains(aggregate.id())) {
        warnings.add("aggregate " + aggregate.id() + " (" + aggregate.location() + ") has no test");
      }
    }
    return warnings;
  }
}
