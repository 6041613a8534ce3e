package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.jobs.docs.RuleCatalogDocs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules.md} is what {@code tollgate docs rules} generates from the shipped rules, so
 * the catalog never drifts from the rules it describes. The effectiveness figures at its end come
 * from a backtest and are left out of the comparison.
 */
class RuleCatalogFreshnessTest {
  private static final Path REPOSITORY = ShippedRuleSet.ROOT.getParent();
  private static final Path CATALOG = REPOSITORY.resolve("docs/rules.md");

  @Test
  void docsRulesMdDescribesTheShippedRules() throws Exception {
    // Paths as the command shows them when run from the repository root.
    RuleSetCompiler compiler = new RuleSetCompiler(REPOSITORY);
    List<Path> rules = List.of(REPOSITORY.resolve("rules"));
    Compilation compilation = compiler.compile(rules, Map.of());
    assertThat(compilation.plan()).as("the shipped rules compile").isNotNull();

    String generated = RuleCatalogDocs.markdown(compilation.plan(), compiler.check(rules, Map.of()), null);
    String committed = Files.isRegularFile(CATALOG) ? Files.readString(CATALOG, StandardCharsets.UTF_8) : "";

    assertThat(withoutEffectiveness(committed))
        .withFailMessage("docs/rules.md is out of date with rules/: run `bin/tollgate docs rules --out docs/rules.md` "
            + "from the repository root (add --effectiveness <summary.json> to keep its effectiveness figures)%n%s",
            firstDifference(withoutEffectiveness(committed), generated))
        .isEqualTo(generated);
  }

  private static String firstDifference(String committed, String generated) {
    List<String> was = committed.lines().toList();
    List<String> now = generated.lines().toList();
    for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
      String before = i < was.size() ? was.get(i) : "(end of file)";
      String after = i < now.size() ? now.get(i) : "(end of file)";
      if (!before.equals(after)) {
        return "first difference at line " + (i + 1) + ":\n  docs/rules.md: " + before + "\n  generated:     " + after;
      }
    }
    return "";
  }

  private static String withoutEffectiveness(String catalog) {
    int effectiveness = catalog.indexOf("\n" + RuleCatalogDocs.EFFECTIVENESS_HEADING + "\n");
    return effectiveness < 0 ? catalog : catalog.substring(0, effectiveness + 1);
  }
}
