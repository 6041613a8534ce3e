package dev.tollgate.jobs.bench;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.jobs.generate.Scenario;
import dev.tollgate.jobs.generate.TrafficGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the selected cases one after the other in this JVM, each on fresh embedded clusters over
 * the same data: warm-up rounds first (not reported), then measured rounds. Writes {@code
 * bench-results.json} and {@code bench-results.md} to the output directory and, when asked, the
 * results into {@code docs/performance.md}.
 */
final class Benchmark {
  /**
   * What to run.
   *
   * @param data an existing JSON-lines file to use instead of generating traffic, or null
   * @param cases case names to run; a trailing {@code *} matches a prefix; empty runs all.
   *     Parse-only always runs: every figure is reported as a ratio to it
   * @param doc a Markdown file whose Benchmark section receives the results, or null
   */
  record Settings(long events, int rounds, int warmup, int parallelism, long seed, Path rules, Path data, Path out,
      Path work, List<String> cases, List<Integer> ruleCounts, List<Long> keyCounts, Path doc, String command) {}

  private final Settings settings;
  private final PrintWriter log;

  Benchmark(Settings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
  }

  BenchReport run() throws Exception {
    RuleSetPlan shipped = compileShipped();
    List<BenchCase> selected = select(Cases.all(shipped, settings.rules().resolve("schema"), settings.work().resolve("rules"),
        settings.ruleCounts(), settings.keyCounts()));
    Files.createDirectories(settings.out());
    RoundRunner runner = new RoundRunner(settings.parallelism(), settings.work().resolve("rocksdb"));
    BenchInput traffic = null;
    List<CaseResult> results = new ArrayList<>();
    for (BenchCase benchCase : selected) {
      BenchInput input;
      if (benchCase.input() instanceof BenchCase.Cards cards) {
        long events = Math.max(settings.events(), cards.keys());
        input = SyntheticPayments.write(settings.work().resolve("cards-" + cards.keys()), settings.parallelism(), events,
            cards.keys(), settings.seed());
      } else {
        if (traffic == null) {
          traffic = traffic();
        }
        input = traffic;
      }
      results.add(measure(runner, benchCase, input));
      if (benchCase.input() instanceof BenchCase.Cards) {
        deleteRecursively(input.directory());
      }
      writeResults(results);
    }
    return writeResults(results);
  }

  private CaseResult measure(RoundRunner runner, BenchCase benchCase, BenchInput input) throws Exception {
    List<RoundResult> rounds = new ArrayList<>();
    int total = settings.warmup() + settings.rounds();
    for (int i = 0; i < total; i++) {
      boolean warmup = i < settings.warmup();
      RoundResult round = runner.run(benchCase, input);
      log.printf(Locale.ROOT, "%-20s %s %d/%d: %,10.0f events/s  %6d ms  heap %s%s  outputs %,d%n", benchCase.name(),
          warmup ? "warm-up" : "round  ", warmup ? i + 1 : i - settings.warmup() + 1, warmup ? settings.warmup() : settings.rounds(),
          round.eventsPerSecond(), round.elapsedNanos() / 1_000_000, BenchReport.bytes(round.heapLiveBytes()),
          benchCase.rocksdb() ? "  state " + BenchReport.bytes(round.stateBytes()) : "", round.outputs());
      log.flush();
      if (!warmup) {
        rounds.add(round);
      }
    }
    return new CaseResult(benchCase, input.description(), rounds);
  }

  private BenchReport writeResults(List<CaseResult> results) throws IOException {
    BenchReport report = new BenchReport(Machine.current(), settings.command(), settings, Instant.now(), results);
    Files.writeString(settings.out().resolve("bench-results.json"), report.json(), StandardCharsets.UTF_8);
    String markdown = report.setup() + "\n" + report.markdown();
    Files.writeString(settings.out().resolve("bench-results.md"), markdown, StandardCharsets.UTF_8);
    if (settings.doc() != null) {
      PerformanceDoc.update(settings.doc(), markdown);
    }
    return report;
  }

  private RuleSetPlan compileShipped() {
    Compilation compilation = new RuleSetCompiler().compile(List.of(settings.rules()), Map.of());
    if (compilation.plan() == null) {
      throw new IllegalStateException("the rule set in " + settings.rules() + " does not compile: "
          + compilation.diagnostics().sorted());
    }
    return compilation.plan();
  }

  private List<BenchCase> select(List<BenchCase> all) {
    if (settings.cases().isEmpty()) {
      return all;
    }
    List<BenchCase> selected = new ArrayList<>();
    for (BenchCase benchCase : all) {
      if (benchCase.name().equals(Cases.PARSE_ONLY) || settings.cases().stream().anyMatch(pattern -> matches(pattern, benchCase.name()))) {
        selected.add(benchCase);
      }
    }
    for (String pattern : settings.cases()) {
      if (all.stream().noneMatch(benchCase -> matches(pattern, benchCase.name()))) {
        throw new IllegalArgumentException("no case named " + pattern + "; cases: "
            + String.join(", ", all.stream().map(BenchCase::name).toList()));
      }
    }
    return selected;
  }

  private static boolean matches(String pattern, String name) {
    return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : name.equals(pattern);
  }

  /** The shared traffic, split into one part per source reader. */
  private BenchInput traffic() throws IOException {
    Path directory = settings.work().resolve("traffic");
    deleteRecursively(directory);
    if (settings.data() != null) {
      log.println("splitting " + settings.data() + " into " + settings.parallelism() + " parts");
      return BenchInput.split(settings.data(), directory, settings.parallelism(), "events from " + settings.data().getFileName());
    }
    log.printf(Locale.ROOT, "generating %,d events (seed %d, scenario %s)%n", settings.events(), settings.seed(), Scenario.DEFAULT);
    log.flush();
    Path file = settings.work().resolve("traffic.jsonl");
    Files.createDirectories(settings.work());
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      TrafficGenerator.generate(new TrafficGenerator.Settings(settings.events(), settings.seed(),
          Scenario.parse(Scenario.DEFAULT), TrafficGenerator.DEFAULT_START), out);
    }
    BenchInput input = BenchInput.split(file, directory, settings.parallelism(), String.format(Locale.ROOT,
        "%,d events of generated traffic (tollgate generate, scenario %s, seed %d)", settings.events(), Scenario.DEFAULT,
        settings.seed()));
    Files.delete(file);
    return input;
  }

  static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    Files.walkFileTree(directory, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
