package dev.tollgate.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedRulesTest {

  @Test
  void generatedRulesCompileOverTheShippedCatalogInEqualThirdsOfEachKind(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("generated.rule");
    Files.writeString(file, GeneratedRules.text(99));

    Compilation compilation = new RuleSetCompiler().compile(List.of(Path.of("../rules/schema"), file), Map.of());

    assertThat(compilation.diagnostics().sorted()).isEmpty();
    Map<String, Long> kinds = compilation.plan().rules().stream()
        .collect(Collectors.groupingBy(rule -> rule.body().getClass().getSimpleName(), Collectors.counting()));
    assertThat(kinds).containsOnly(Map.entry(RuleBody.SingleEvent.class.getSimpleName(), 33L),
        Map.entry(RuleBody.Windowed.class.getSimpleName(), 33L), Map.entry(RuleBody.Pattern.class.getSimpleName(), 33L));
    assertThat(compilation.plan().rules().stream().map(RulePlan::key).filter(key -> key != null)
        .map(key -> key.fields()).distinct().count()).isGreaterThan(3);
  }

  @Test
  void theSameCountGivesTheSameText() {
    assertThat(GeneratedRules.text(30)).isEqualTo(GeneratedRules.text(30)).startsWith("# 30 generated rules");
  }
}
