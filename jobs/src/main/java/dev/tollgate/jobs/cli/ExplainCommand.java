package dev.tollgate.jobs.cli;

import dev.tollgate.dsl.explain.PlanExplainer;
import dev.tollgate.dsl.plan.RuleSetPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tollgate explain PATH [--rule ID]}: each rule's (and route's) compiled plan, readable. */
@Command(name = "explain", description = "Show the compiled plan of each rule, aggregate and route: key, steps, windows, state, delivery, version.")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or directories of them.")
  List<Path> paths;

  @Option(names = "--rule", paramLabel = "ID", description = "Only this rule, aggregate or route.")
  String ruleId;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Override a const before compiling.")
  Map<String, String> params;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RuleSetPlan plan = RuleSetInput.planOrReport(paths, params, out, err);
    if (plan == null) {
      return 1;
    }
    PlanExplainer explainer = new PlanExplainer(plan);
    if (ruleId == null) {
      out.print(explainer.explainAll());
      out.flush();
      return 0;
    }
    Optional<String> explained = explainer.explain(ruleId);
    if (explained.isEmpty()) {
      err.println("tollgate: no rule, aggregate or route '" + ruleId + "' in the rule set");
      err.flush();
      return 1;
    }
    out.print(explained.get());
    out.flush();
    return 0;
  }
}
