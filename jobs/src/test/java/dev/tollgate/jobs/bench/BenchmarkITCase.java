package dev.tollgate.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of {@code tollgate bench} on a few thousand events: the harness works end to end. */
class BenchmarkITCase {

  @Test
  void measuresEveryKindOfCaseAndWritesResultsAndTheDocSection(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("performance.md");
    Files.writeString(doc, "# Performance\n\n## End-to-end latency\n\nOther text.\n");
    Benchmark.Settings settings = new Benchmark.Settings(3_000, 1, 0, 2, 7, Path.of("../rules"), null, dir.resolve("out"),
        dir.resolve("work"), List.of("rule-pattern", "cep-handwritten", "shipped-rules", "keys-*"), List.of(10), List.of(500L),
        doc, "tollgate bench (smoke)");
    StringWriter log = new StringWriter();

    BenchReport report = new Benchmark(settings, new PrintWriter(log)).run();

    Map<String, CaseResult> results = report.byName();
    assertThat(results).containsOnlyKeys("parse-only", "rule-pattern", "cep-handwritten", "shipped-rules", "keys-500");
    for (CaseResult result : results.values()) {
      assertThat(result.medianEventsPerSecond()).as(result.name()).isPositive();
      assertThat(result.heapPeakBytes()).as(result.name()).isPositive();
    }
    RoundResult parseOnly = results.get("parse-only").rounds().get(0);
    assertThat(parseOnly.lines()).isEqualTo(3_000);
    assertThat(parseOnly.events() + parseOnly.rejected()).isEqualTo(parseOnly.lines());
    // The rule language and the hand-written job find the same card-testing matches.
    assertThat(results.get("rule-pattern").outputs()).isEqualTo(results.get("cep-handwritten").outputs());
    assertThat(results.get("keys-500").stateBytes()).isPositive();
    assertThat(results.get("shipped-rules").outputs()).as("alerts and window records of the whole rule set").isPositive();

    assertThat(Files.readString(dir.resolve("out/bench-results.json")))
        .contains("\"name\" : \"keys-500\"", "\"rocksdbStateBytes\"", "\"ratioToParseOnly\"");
    assertThat(Files.readString(doc)).contains("## End-to-end latency", "## Benchmark", PerformanceDoc.BEGIN,
        "| rule-pattern |", "tollgate bench (smoke)");
    assertThat(dir.resolve("work/cards-500")).doesNotExist();
  }
}
