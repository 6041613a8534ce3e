package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.jobs.ruletest.Coverage;
import org.junit.jupiter.api.Test;

/** The shipped rule set leaves no rule or aggregate without a test. */
class ShippedRuleCoverageTest {

  @Test
  void everyShippedRuleAndAggregateHasATest() {
    assertThat(Coverage.untested(ShippedRuleSet.compile())).isEmpty();
  }
}
