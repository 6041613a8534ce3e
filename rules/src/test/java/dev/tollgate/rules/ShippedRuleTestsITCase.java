package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.jobs.ruletest.RuleTestRunner;
import dev.tollgate.jobs.ruletest.TestReport;
import org.junit.jupiter.api.Test;

/**
 * Every {@code test} block of the shipped rule set passes, run exactly as {@code tollgate test
 * rules} runs them; a failure shows the runner's own output.
 */
class ShippedRuleTestsITCase {

  @Test
  void everyShippedTestPasses() throws Exception {
    RuleSetPlan plan = ShippedRuleSet.compile();

    TestReport report = new RuleTestRunner().run(plan, name -> true);

    assertThat(report.size()).isEqualTo(plan.tests().size()).isPositive();
    assertThat(report.failed())
        .withFailMessage("shipped rule tests failed (bin/tollgate test rules):%n%s", report.text())
        .isZero();
  }
}
