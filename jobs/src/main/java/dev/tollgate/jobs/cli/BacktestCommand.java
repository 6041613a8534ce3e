package dev.tollgate.jobs.cli;

import dev.tollgate.dsl.plan.RuleSelection;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.engine.route.RoutingOptions;
import dev.tollgate.jobs.backtest.Backtest;
import dev.tollgate.jobs.backtest.BacktestReport;
import java.io.PrintWriter;
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
 * {@code tollgate backtest --rules DIR --events FILE --out DIR}: the rule set over history on the
 * embedded cluster, in event time, with the same operators production runs.
 */
@Command(name = "backtest", description = "Run every rule and aggregate over a JSON-lines file on an embedded Flink cluster.")
final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--rules", required = true, paramLabel = "DIR", description = "The rule set (files or directories).", arity = "1..*")
  List<Path> rules;

  @Option(names = "--events", required = true, paramLabel = "FILE", description = "JSON lines, one event per line.")
  Path events;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where alerts.jsonl, aggregates.jsonl, rejected.jsonl, summary.json, cases.jsonl and routed/<route>.jsonl go.")
  Path out;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Override a const.")
  Map<String, String> params;

  @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism of the embedded cluster (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--out-of-orderness", defaultValue = "5s", paramLabel = "DURATION",
      converter = DurationConverter.class, description = "How late an event may arrive and still count (default: ${DEFAULT-VALUE}).")
  Duration outOfOrderness;

  @Option(names = "--case-span", defaultValue = "7d", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long a case stays open after its last alert, in event time (default: ${DEFAULT-VALUE}).")
  Duration caseSpan;

  @Option(names = "--aggregate-lateness", defaultValue = "0s", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How much later than the out-of-orderness an event may arrive and still count in aggregates;"
          + " aggregate windows close this long after their end (default: ${DEFAULT-VALUE}).")
  Duration aggregateLateness;

  @Option(names = "--select", paramLabel = "SELECTION", converter = SelectionConverter.class,
      description = "Run only part of the rule set, e.g. 'kind=single,windowed' or 'pack=fraud' (docs/rule-selection.md).")
  RuleSelection selection;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (!Files.isRegularFile(events)) {
      stderr.println("tollgate: no such events file: " + events);
      stderr.flush();
      return 2;
    }
    RuleSetPlan plan = RuleSetInput.planOrReport(rules, params, stdout, stderr);
    if (plan == null) {
      return 1;
    }
    if (selection != null) {
      try {
        plan = selection.apply(plan);
      } catch (IllegalArgumentException nothingSelected) {
        stderr.println("tollgate: " + nothingSelected.getMessage());
        stderr.flush();
        return 2;
      }
    }
    ProgressLine progress = quiet || System.console() == null ? null : new ProgressLine(stderr, Files.size(events));
    BacktestReport report = Backtest.run(plan, new Backtest.Options(
        events, events.toString(), out, parallelism,
        PipelineOptions.replay(outOfOrderness).withAggregateLateness(aggregateLateness),
        progress == null ? null : progress::update, new RoutingOptions(caseSpan)));
    if (progress != null) {
      progress.finish();
    }
    stdout.print(ReportTable.render(report));
    stdout.printf("%nwrote %s, %s, %s and %s%n", out.resolve("alerts.jsonl"), out.resolve("aggregates.jsonl"),
        out.resolve("rejected.jsonl"), out.resolve("summary.json"));
    RoutingReport.print(stdout, plan, out);
    stdout.flush();
    return 0;
  }
}
