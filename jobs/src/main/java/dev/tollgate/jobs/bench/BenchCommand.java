package dev.tollgate.jobs.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tollgate bench}: measures the engine against Flink itself, case by case on the same data
 * in one run (see {@code docs/performance.md}, section Benchmark).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the engine on the embedded cluster: parse-only ceiling, one rule of each kind, hand-written"
          + " Flink CEP, the shipped rules, generated rule sets of growing size and growing numbers of keys.",
      "Writes bench-results.json and bench-results.md to --out."
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--events", defaultValue = "1000000", description = "Events per data set (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds per case (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--warmup", defaultValue = "2", description = "Warm-up rounds per case, not reported (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism of every case (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--out", defaultValue = "bench-out", description = "Directory for the results (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--cases", split = ",", paramLabel = "NAME",
      description = "Cases to run (comma-separated; NAME* matches a prefix, e.g. rules-*,keys-*). Default: all."
          + " parse-only always runs.")
  List<String> cases = List.of();

  @Option(names = "--rules", defaultValue = "rules", description = "The shipped rule set (default: ${DEFAULT-VALUE}).")
  Path rules;

  @Option(names = "--data", description = "Use this JSON-lines file instead of generating traffic.")
  Path data;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rule-counts", split = ",", defaultValue = "10,100,1000",
      description = "Sizes of the generated rule sets (default: ${DEFAULT-VALUE}).")
  List<Integer> ruleCounts;

  @Option(names = "--keys", split = ",", defaultValue = "1000,10000,100000,1000000",
      description = "Distinct card counts of the key scaling cases, on RocksDB; a count above --events uses that many"
          + " events (default: ${DEFAULT-VALUE}).")
  List<Long> keyCounts;

  @Option(names = "--work", description = "Directory for generated data and state (default: OUT/work).")
  Path work;

  @Option(names = "--doc", description = "Also write the results into this Markdown file's Benchmark section"
      + " (e.g. docs/performance.md).")
  Path doc;

  @Override
  public Integer call() throws Exception {
    PrintWriter log = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (events < 1 || rounds < 1 || warmup < 0 || parallelism < 1) {
      log.println("tollgate bench: --events, --rounds and --parallelism must be at least 1, --warmup at least 0");
      return 2;
    }
    String command = "tollgate " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    Benchmark.Settings settings = new Benchmark.Settings(events, rounds, warmup, parallelism, seed, rules, data, out,
        work != null ? work : out.resolve("work"), cases, ruleCounts, keyCounts, doc, command.strip());
    BenchReport report = new Benchmark(settings, log).run();
    stdout.println();
    stdout.print(report.markdown());
    stdout.println();
    stdout.println("Results: " + out.resolve("bench-results.json") + ", " + out.resolve("bench-results.md"));
    stdout.flush();
    return 0;
  }
}
