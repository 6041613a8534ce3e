package dev.tollgate.jobs.ruletest;

import dev.tollgate.dsl.plan.TestPlan;
import java.util.List;

/**
 * The outcome of one test: what its target produced and which expectations it missed.
 *
 * @param shape the types of the target's outputs, for showing them
 */
record TestResult(TestPlan test, Observed observed, Shape shape, List<Mismatch> mismatches) {
  TestResult {
    mismatches = List.copyOf(mismatches);
  }

  boolean passed() {
    return mismatches.isEmpty();
  }

  String name() {
    return test.name();
  }
}
