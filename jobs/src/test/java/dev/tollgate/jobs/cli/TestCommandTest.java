package dev.tollgate.jobs.cli;

import static dev.tollgate.jobs.cli.RuleSetFixture.tollgate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tollgate test} before anything runs: rule errors and bad options. */
class TestCommandTest {
  @TempDir Path dir;

  @Test
  void ruleErrorsArePrintedAsDiagnosticsAndNothingRuns() throws Exception {
    Path rules = RuleSetFixture.write(dir, RuleSetFixture.RULES.replace("where amount >= big", "where amount >= bigg"));

    RuleSetFixture.Run run = tollgate("test", rules.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("rules.rule:12:19: error: ").contains("bigg").doesNotContain("PASS");
    assertThat(run.err()).contains("nothing was run");
  }

  @Test
  void anInvalidRunPatternIsAUsageError() throws Exception {
    Path rules = RuleSetFixture.write(dir, RuleSetFixture.RULES);

    RuleSetFixture.Run run = tollgate("test", rules.toString(), "--run", "(unclosed");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--run is not a regular expression");
  }
}
