package dev.tollgate.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.RuleSetCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consts a rule or aggregate reads, for the rule catalog. */
class ConstUsesTest {
  private static final String EVENTS = """
      event Transaction { id: string  ts: timestamp  accountId: string  amount: decimal  type: string }
      const ctr_threshold = 10_000
      const min_count = 3
      const unused = 7
      const spike_factor = 3
      """;

  @TempDir Path dir;

  private Map<String, List<String>> usesOf(String rules) throws IOException {
    Path file = dir.resolve("set.rule");
    Files.writeString(file, EVENTS + rules);
    CheckedRuleSet checked = new RuleSetCompiler(dir).check(List.of(file), Map.of());
    assertThat(checked).as("rule set checks").isNotNull();
    return ConstUses.of(checked);
  }

  @Test
  void listsTheConstsOfConditionsHavingAndTemplateInOrderOfFirstUse() throws IOException {
    Map<String, List<String>> uses = usesOf("""
        rule aml.structuring {
          severity high
          category money_laundering
          on Transaction
          where amount >= 0.8 * ctr_threshold and amount < ctr_threshold
          key accountId
          window 24h
          having count() >= min_count
          alert "under {ctr_threshold}"
        }
        """);

    assertThat(uses).containsEntry("aml.structuring", List.of("ctr_threshold", "min_count"));
  }

  @Test
  void findsConstsInPatternStepsAndAggregateSpikes() throws IOException {
    Map<String, List<String>> uses = usesOf("""
        rule x.pattern {
          severity low
          category test
          key accountId
          pattern {
            a: Transaction where amount >= ctr_threshold
            then b: Transaction where amount between a.amount and a.amount * min_count
          }
          within 1h
          alert "{accountId}"
        }
        aggregate x.agg {
          on Transaction
          group by accountId
          window tumbling 1h
          select sum(amount) as total
          spike total > spike_factor * baseline(total, 24) severity low
        }
        rule x.none {
          severity low
          category test
          on Transaction
          where type == "FEE"
          alert "fee"
        }
        """);

    assertThat(uses)
        .containsEntry("x.pattern", List.of("ctr_threshold", "min_count"))
        .containsEntry("x.agg", List.of("spike_factor"))
        .containsEntry("x.none", List.of());
  }
}
