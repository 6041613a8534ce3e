package dev.tollgate.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerformanceDocTest {

  @Test
  void addsTheBenchmarkSectionToADocumentWithoutOne() {
    String updated = PerformanceDoc.withResults("# Performance\n\n## End-to-end latency\n\ntext\n", "| table |");

    assertThat(updated).isEqualTo("# Performance\n\n## End-to-end latency\n\ntext\n\n## Benchmark\n\n"
        + PerformanceDoc.BEGIN + "\n\n| table |\n\n" + PerformanceDoc.END + "\n");
  }

  @Test
  void putsResultsAtTheEndOfAnExistingSectionBeforeTheNextOne() {
    String updated = PerformanceDoc.withResults(
        "# Performance\n\n## Benchmark\n\nHow it works.\n\n## Demand aggregation\n\nOther.\n", "| table |");

    assertThat(updated).isEqualTo("# Performance\n\n## Benchmark\n\nHow it works.\n\n" + PerformanceDoc.BEGIN
        + "\n\n| table |\n\n" + PerformanceDoc.END + "\n\n## Demand aggregation\n\nOther.\n");
  }

  @Test
  void replacesOnlyWhatIsBetweenTheMarkers() {
    String before = "# Performance\n\n## Benchmark\n\nHow it works.\n\n" + PerformanceDoc.BEGIN + "\n\nold\n\n"
        + PerformanceDoc.END + "\n\nWhere the time goes.\n\n## Backtest throughput\n\nOther.\n";

    String updated = PerformanceDoc.withResults(before, "new\n");

    assertThat(updated).isEqualTo(before.replace("\nold\n", "\nnew\n"));
  }
}
