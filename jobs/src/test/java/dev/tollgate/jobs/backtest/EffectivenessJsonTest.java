package dev.tollgate.jobs.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A backtest summary's figures read back as they were written. */
class EffectivenessJsonTest {

  @Test
  void readsBackTheFiguresSummaryJsonWrites() throws Exception {
    TreeMap<String, Long> typologiesOfRule = new TreeMap<>(Map.of("structuring", 8L));
    TreeMap<String, Long> detectors = new TreeMap<>(Map.of("aml.structuring", 8L));
    BacktestReport.Effectiveness effectiveness = new BacktestReport.Effectiveness(
        Map.of("aml.structuring", new BacktestReport.RuleFigures(10, 8, 2, typologiesOfRule)),
        Map.of("structuring", new BacktestReport.TypologyFigures(30, 24, 6, 5, detectors)));
    BacktestReport report = new BacktestReport(1000, 998, 0, new TreeMap<>(Map.of("late", 2L)),
        new TreeMap<>(Map.of("aml.structuring", 10L)), 0, new TreeMap<>(), Duration.ofSeconds(3), effectiveness);

    EffectivenessJson.Summary summary = EffectivenessJson.read(SummaryJson.encode(report));

    assertThat(summary.inputLines()).isEqualTo(1000);
    assertThat(summary.processed()).isEqualTo(998);
    assertThat(summary.effectiveness().rules()).isEqualTo(effectiveness.rules());
    assertThat(summary.effectiveness().typologies()).isEqualTo(effectiveness.typologies());
  }

  @Test
  void aSummaryWithoutLabelsHasNoEffectiveness() throws Exception {
    BacktestReport report = new BacktestReport(5, 5, 0, new TreeMap<>(), new TreeMap<>(), 0, new TreeMap<>(), Duration.ofSeconds(1), null);

    assertThat(EffectivenessJson.read(SummaryJson.encode(report)).effectiveness()).isNull();
  }
}
