package dev.tollgate.jobs.cli;

import static dev.tollgate.jobs.cli.RuleSetFixture.tollgate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tollgate docs}: the catalog of a small rule set, with and without effectiveness figures. */
class DocsCommandTest {
  private static final String SUMMARY = """
      {
        "inputLines" : 1000,
        "processed" : 998,
        "effectiveness" : {
          "rules" : {
            "t.big_deposit" : { "alerts" : 10, "truePositives" : 8, "falsePositives" : 2, "precision" : 0.8,
                                "typologies" : { "big_cash" : 8 } }
          },
          "typologies" : {
            "big_cash" : { "labelledEvents" : 40, "detectedEvents" : 30, "missed" : 10, "recall" : 0.75,
                           "detectedBy" : { "t.big_deposit" : 8 } }
          }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void describesEachRuleWithItsThresholdsAndTests() throws Exception {
    Path rules = RuleSetFixture.write(dir, RuleSetFixture.RULES);

    RuleSetFixture.Run run = tollgate("docs", rules.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("# Rule catalog\n")
        .contains("4 rules and 1 aggregate in 1 pack, with 6 tests.")
        .contains("| [t](#t) | 4 | 1 | 6 |")
        .contains("| [t.refund](#trefund) | – | low | disabled | 1 |")
        .contains("| [t.big_deposit](#tbig_deposit) | Big deposit | high | active | 2 |")
        .contains("### t.big_deposit\n\n**Big deposit**\n\nA deposit of at least big.\n")
        .contains("| Thresholds | `big = 1000` |")
        .contains("| Runs | single event on Transaction |")
        .contains("| Runs | windowed on Transaction, key accountId, window 1h, suppress 1h |")
        .contains("| Runs | aggregate of Transaction by accountId, window tumbling 1h: n, total |")
        .contains("| Tags | test, deposit |")
        .doesNotContain("## Effectiveness");
  }

  @Test
  void documentsThresholdsAsOverriddenByParam() throws Exception {
    Path rules = RuleSetFixture.write(dir, RuleSetFixture.RULES);

    assertThat(tollgate("docs", rules.toString(), "--param", "big=5000").out()).contains("| Thresholds | `big = 5000` |");
  }

  @Test
  void addsPrecisionAndRecallFromABacktestSummary() throws Exception {
    Path rules = RuleSetFixture.write(dir, RuleSetFixture.RULES);
    Path summary = Files.writeString(dir.resolve("summary.json"), SUMMARY);
    Path out = dir.resolve("catalog/rules.md");

    RuleSetFixture.Run run = tollgate("docs", rules.toString(), "--effectiveness", summary.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isZero();
    String catalog = Files.readString(out);
    assertThat(catalog)
        .contains("## Effectiveness\n")
        .contains("1000 input lines, 998 processed")
        .contains("| t.big_deposit | 10 | 8 | 2 | 80.0% |")
        .contains("| t.three_deposits | 0 | 0 | 0 | – |")
        .contains("| big_cash | 0 | 0 | – | 40 | 30 | 10 | 75.0% | t.big_deposit (8) |");
    assertThat(catalog.indexOf("## Effectiveness")).isGreaterThan(catalog.indexOf("### t.hourly"));
  }

  @Test
  void ruleErrorsGoToStderrAndWriteNoCatalog() throws Exception {
    Path rules = RuleSetFixture.write(dir, RuleSetFixture.RULES.replace("where amount >= big", "where amount >= bigg"));

    RuleSetFixture.Run run = tollgate("docs", rules.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("error: unknown field 'bigg'");
  }
}
