package dev.tollgate.jobs.cli;

import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.jobs.ruletest.Coverage;
import dev.tollgate.jobs.ruletest.RuleTestRunner;
import dev.tollgate.jobs.ruletest.TestReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tollgate test PATH...}: runs the rule set's {@code test} blocks on the engine. Prints
 * {@code PASS name} or {@code FAIL name} and the differences per test, warnings about untested
 * rules on stderr, and last {@code N passed, M failed}; exit 1 on any failure or rule error.
 */
@Command(name = "test", description = "Run the rule set's test blocks on the engine: PASS/FAIL per test, then 'N passed, M failed'.")
final class TestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or directories of them.")
  List<Path> paths;

  @Option(names = "--run", paramLabel = "REGEX", description = "Run only the tests whose name contains a match of REGEX.")
  String run;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE.")
  Path junit;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Override a const for every test (a test's own param wins).")
  Map<String, String> params;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pattern filter;
    try {
      filter = run == null ? null : Pattern.compile(run);
    } catch (PatternSyntaxException e) {
      err.println("tollgate: --run is not a regular expression: " + e.getDescription());
      err.flush();
      return 2;
    }
    RuleSetPlan plan = RuleSetInput.planOrReport(paths, params, out, err);
    if (plan == null) {
      return 1;
    }
    TestReport report = new RuleTestRunner().run(plan, name -> filter == null || filter.matcher(name).find());
    report.printResults(out);
    for (String warning : Coverage.untested(plan)) {
      err.println("warning: " + warning);
    }
    if (filter != null && report.size() == 0) {
      err.println("warning: no test name matches --run " + run);
    }
    err.flush();
    if (junit != null) {
      report.writeJUnit(junit);
    }
    out.println(report.summary());
    out.flush();
    return report.failed() == 0 ? 0 : 1;
  }
}
