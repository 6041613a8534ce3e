package dev.tollgate.jobs.cli;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.plan.RoutePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tollgate check PATH...}: parse and type-check (rules, aggregates, routes and tests); exit 0
 * without errors, 1 with. Then one line per route: where it delivers what.
 */
@Command(name = "check", description = "Parse and type-check rule files; print every finding as file:line:col.")
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or directories of them.")
  List<Path> paths;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Override a const, as a deployment would.")
  Map<String, String> params;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Compilation compilation = RuleSetInput.compile(paths, params, out);
    int errors = compilation.diagnostics().errorCount();
    int warnings = compilation.diagnostics().warningCount();
    RuleSetPlan plan = compilation.plan();
    if (plan != null) {
      // Routes are counted only when there are some, so rule sets without them read as before.
      out.printf("%s, %s, %s%s: %s, %s%n",
          RuleSetInput.plural(plan.rules().size(), "rule"),
          RuleSetInput.plural(plan.aggregates().size(), "aggregate"),
          plan.routes().isEmpty() ? "" : RuleSetInput.plural(plan.routes().size(), "route") + ", ",
          RuleSetInput.plural(plan.tests().size(), "test"),
          RuleSetInput.plural(errors, "error"),
          RuleSetInput.plural(warnings, "warning"));
      for (RoutePlan route : plan.routes()) {
        out.println("  route " + route.name() + " -> " + RouteSummary.of(route));
      }
    } else {
      out.printf("%s, %s%n", RuleSetInput.plural(errors, "error"), RuleSetInput.plural(warnings, "warning"));
    }
    out.flush();
    return errors == 0 ? 0 : 1;
  }
}
