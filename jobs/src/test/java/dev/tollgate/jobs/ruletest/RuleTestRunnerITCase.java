package dev.tollgate.jobs.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.jobs.cli.RuleSetFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner splits a rule set with many tests into several jobs. */
class RuleTestRunnerITCase {

  @Test
  void testsBeyondOneJobRunInFurtherJobsAndReportInRuleSetOrder() throws Exception {
    Compilation compilation = new RuleSetCompiler().compileText("rules.rule", RuleSetFixture.RULES, Path.of("."), Map.of());

    TestReport report = new RuleTestRunner(PipelineOptions.replay(PipelineOptions.DEFAULT_OUT_OF_ORDERNESS), 4)
        .run(compilation.plan(), name -> true);

    assertThat(report.text().lines().filter(line -> line.startsWith("PASS") || line.startsWith("FAIL")))
        .containsExactly(
            "PASS big deposit fires",
            "PASS small deposit stays quiet",
            "FAIL three deposits expected on the wrong account",
            "FAIL a late deposit does not count",
            "PASS a disabled rule still runs in its tests",
            "PASS hourly totals per account");
    assertThat(report.summary()).isEqualTo("4 passed, 2 failed");
  }
}
