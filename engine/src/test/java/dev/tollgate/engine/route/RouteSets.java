package dev.tollgate.engine.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.RuleSetPlan;
import java.nio.file.Path;
import java.util.Map;

/** Routes compiled from rule-language text, over a small rule set whose alerts they see. */
final class RouteSets {
  /** Rules giving routes the key fields accountId (string), branch (long) and amount (decimal). */
  static final String RULES = """
      event Transaction {
        id: string
        ts: timestamp
        accountId: string
        branch: long
        amount: decimal
      }
      rule aml.structuring {
        severity high
        category money_laundering
        on Transaction
        key accountId
        window 24h
        having count() >= 3
        alert "x"
      }
      rule aml.branch {
        severity medium
        category money_laundering
        on Transaction
        key branch
        window 1h
        having count() >= 3
        alert "x"
      }
      rule fraud.amount {
        severity low
        category fraud
        on Transaction
        key amount
        window 1h
        having count() >= 3
        alert "x"
      }
      list watched = ["A1", "A7"]
      """;

  private RouteSets() {}

  /** The plan of {@link #RULES} plus {@code routes}. */
  static RuleSetPlan plan(String routes) {
    Compilation compilation = new RuleSetCompiler().compileText("routes.rule", RULES + routes, Path.of("."), Map.of());
    assertThat(compilation.diagnostics().sorted()).filteredOn(d -> d.isError()).isEmpty();
    return compilation.plan();
  }

  static RouteSet compile(String routes) {
    return RouteSet.compile(plan(routes).routes());
  }
}
