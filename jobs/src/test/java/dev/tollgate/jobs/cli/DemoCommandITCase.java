package dev.tollgate.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.jobs.generate.Typology;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tollgate demo} end to end on a small sample: generator, shipped rules, embedded cluster, report. */
class DemoCommandITCase {
  @TempDir Path dir;

  @Test
  void generatesBacktestsAndReportsEveryTypologyCaught() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = TollgateCommand.execute(new String[] {"--verbose", "demo", "--events", "10k", "--seed", "5", "--out", dir.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));

    String report = out.toString();
    assertThat(exit).as(err.toString()).isZero();
    assertThat(report).contains("1/3 rules", "2/3 traffic   wrote 10,000 events", "3/3 backtest")
        .contains("Input    10,000 events: 10,000 processed, 0 rejected")
        .contains("aml.structuring", "contraband.embargoed_destination", "fraud.card_testing",
            "shipment.stalled_after_dispatch")
        .contains("Injected typologies caught", "Example alerts", "[CRITICAL]");
    for (Typology typology : Typology.values()) {
      assertThat(report).contains(typology.label());
    }
    assertThat(dir.resolve("events.jsonl")).isRegularFile();
    assertThat(Files.readAllLines(dir.resolve("alerts.jsonl"))).isNotEmpty();
    assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"instanceRecall\"");
  }
}
