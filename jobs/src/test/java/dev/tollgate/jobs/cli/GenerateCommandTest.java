package dev.tollgate.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void writesTheRequestedEventsAndSummarizesThem() throws IOException {
    Path file = dir.resolve("sub/events.jsonl");

    int exit = run("generate", "--events", "2_000", "--seed", "9", "--out", file.toString());

    assertThat(exit).isZero();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2_000);
    assertThat(lines.get(0)).startsWith("{\"event\":");
    assertThat(out.toString()).contains("wrote 2,000 events to " + file).contains("labelled events in")
        .contains("structuring");
    assertThat(Files.exists(dir.resolve("sub/events.jsonl.partial"))).isFalse();
  }

  @Test
  void theSameSeedWritesTheSameFile() throws IOException {
    run("generate", "--events", "1k", "--seed", "3", "--scenario", "fraud", "--out", dir.resolve("a.jsonl").toString());
    run("generate", "--events", "1k", "--seed", "3", "--scenario", "fraud", "--out", dir.resolve("b.jsonl").toString());

    assertThat(Files.readAllBytes(dir.resolve("b.jsonl"))).isEqualTo(Files.readAllBytes(dir.resolve("a.jsonl")));
  }

  @Test
  void anUnknownScenarioIsAUsageError() {
    int exit = run("generate", "--events", "10", "--scenario", "piracy", "--out", dir.resolve("x.jsonl").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("unknown scenario 'piracy'");
    assertThat(dir.resolve("x.jsonl")).doesNotExist();
  }

  @Test
  void aCountThatIsNotANumberIsAUsageError() {
    int exit = run("generate", "--events", "lots", "--out", dir.resolve("x.jsonl").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("'lots' is not a count");
  }

  @Test
  void countsAcceptSeparatorsAndSuffixes() {
    CountConverter counts = new CountConverter();

    assertThat(counts.convert("1_000_000")).isEqualTo(1_000_000L);
    assertThat(counts.convert("1,000")).isEqualTo(1_000L);
    assertThat(counts.convert("250k")).isEqualTo(250_000L);
    assertThat(counts.convert("2M")).isEqualTo(2_000_000L);
  }

  private int run(String... args) {
    return TollgateCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
