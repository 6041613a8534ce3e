package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.RuleSetPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The shipped rule set, compiled from this module's directory as {@code tollgate check rules} does. */
final class ShippedRuleSet {
  /** The module directory: Maven runs tests there. */
  static final Path ROOT = Path.of("").toAbsolutePath();

  private ShippedRuleSet() {}

  /** The plan; fails the test with the findings if the rules do not compile. */
  static RuleSetPlan compile() {
    Compilation compilation = new RuleSetCompiler(ROOT).compile(List.of(ROOT), Map.of());
    assertThat(compilation.diagnostics().errorCount())
        .withFailMessage("the shipped rules have errors: %s", compilation.diagnostics().sorted())
        .isZero();
    return compilation.plan();
  }
}
