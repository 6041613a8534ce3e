package dev.tollgate.jobs.cli;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.jobs.backtest.Backtest;
import dev.tollgate.jobs.backtest.BacktestReport;
import dev.tollgate.jobs.generate.Scenario;
import dev.tollgate.jobs.generate.TrafficGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tollgate demo}: generates labelled synthetic traffic, runs the shipped rules over it on the
 * embedded cluster as {@code backtest} does, and prints what fired, how well it matched the injected
 * typologies, and a few alerts. One command to see the whole product work.
 */
@Command(name = "demo", sortOptions = false,
    description = "Generate a traffic sample, backtest the shipped rules on it and show the results.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--events", paramLabel = "N", defaultValue = "150000", converter = CountConverter.class,
      description = "Events to generate (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed of the sample (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--scenario", paramLabel = "NAME", defaultValue = Scenario.DEFAULT, converter = ScenarioConverter.class,
      description = "Traffic scenario, as for generate (default: ${DEFAULT-VALUE}).")
  Scenario scenario;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where events.jsonl and the backtest's files go (default: a new temporary directory).")
  Path out;

  @Option(names = "--rules", paramLabel = "DIR", arity = "1..*",
      description = "Rule set to run (default: the shipped rules/ directory).")
  List<Path> rules;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "3", description = "Alerts to print in full (default: ${DEFAULT-VALUE}).")
  int examples;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "2", description = "Parallelism of the embedded cluster (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    List<Path> ruleSet = rules;
    if (ruleSet == null) {
      Path shipped = ShippedRules.locate().orElse(null);
      if (shipped == null) {
        return usageError(stderr, "cannot find the shipped rules/ directory (looked in "
            + ShippedRules.candidates().size() + " places from the working directory and the installation); "
            + "pass --rules DIR");
      }
      ruleSet = List.of(shipped);
    }

    stdout.printf("Tollgate demo: synthetic cross-border traffic through the rule set on an embedded Flink cluster%n%n");
    RuleSetPlan plan = compile(ruleSet, stdout, stderr);
    if (plan == null) {
      return 1;
    }
    Path dir = out != null ? out : Files.createTempDirectory("tollgate-demo-");
    Files.createDirectories(dir);
    Path eventsFile = dir.resolve("events.jsonl");
    stdout.printf("2/3 traffic   %s", indentContinuation(GenerationReport.render(GenerateCommand.writeFile(
        new TrafficGenerator.Settings(events, seed, scenario, TrafficGenerator.DEFAULT_START), eventsFile),
        eventsFile.toString())));
    stdout.printf("3/3 backtest  every rule over %s, parallelism %d, in event time%n%n", eventsFile.getFileName(),
        parallelism);
    stdout.flush();

    ProgressLine progress = System.console() == null ? null : new ProgressLine(stderr, Files.size(eventsFile));
    BacktestReport report = Backtest.run(plan, new Backtest.Options(eventsFile, eventsFile.toString(), dir,
        parallelism, PipelineOptions.replay(Duration.ofSeconds(5)), progress == null ? null : progress::update));
    if (progress != null) {
      progress.finish();
    }
    stdout.print(DemoReport.render(report, plan));
    printExamples(stdout, dir.resolve("alerts.jsonl"));
    stdout.printf("%nFiles in %s: events.jsonl, alerts.jsonl, rejected.jsonl, summary.json%n", dir);
    stdout.printf("Next: tollgate explain %s --rule aml.structuring    (how a rule runs)%n", ruleSet.get(0));
    stdout.printf("      tollgate backtest --rules %s --events %s --out results%n", ruleSet.get(0), eventsFile);
    stdout.flush();
    return 0;
  }

  /** The plan, after one line of counts; null after printing the findings when the rule set has errors. */
  private static RuleSetPlan compile(List<Path> ruleSet, PrintWriter stdout, PrintWriter stderr) {
    StringWriter findings = new StringWriter();
    Compilation compilation = RuleSetInput.compile(ruleSet, Map.of(), new PrintWriter(findings));
    RuleSetPlan plan = compilation.plan();
    if (plan == null) {
      stdout.print(findings);
      stderr.println("tollgate: the rule set has " + RuleSetInput.plural(compilation.diagnostics().errorCount(), "error")
          + "; nothing was run");
      stderr.flush();
      return null;
    }
    stdout.printf("1/3 rules     %s, %s from %s%s%n", RuleSetInput.plural(plan.rules().size(), "rule"),
        RuleSetInput.plural(plan.aggregates().size(), "aggregate"), String.join(" ", ruleSet.stream().map(Path::toString).toList()),
        compilation.diagnostics().warningCount() == 0 ? ""
            : " (" + RuleSetInput.plural(compilation.diagnostics().warningCount(), "warning") + ": tollgate check shows them)");
    return plan;
  }

  private void printExamples(PrintWriter stdout, Path alerts) throws IOException {
    List<AlertExamples.Summary> chosen = AlertExamples.choose(alerts, examples);
    if (chosen.isEmpty()) {
      return;
    }
    stdout.printf("%nExample alerts (the most severe first, one per category):%n%n");
    for (AlertExamples.Summary alert : chosen) {
      stdout.print(AlertExamples.render(alert));
      stdout.println();
    }
  }

  /** Lines after the first indented to line up under a step heading. */
  private static String indentContinuation(String text) {
    return text.replace("\n  ", "\n              ");
  }

  private static int usageError(PrintWriter stderr, String message) {
    stderr.println("tollgate: " + message);
    stderr.flush();
    return 2;
  }
}
