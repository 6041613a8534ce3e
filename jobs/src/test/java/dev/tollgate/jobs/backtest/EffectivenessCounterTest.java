package dev.tollgate.jobs.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectivenessCounterTest {
  /** Two structuring instances of three deposits each; one fan-in instance; one background event. */
  private static final LabelIndex.Labels LABELS = new LabelIndex.Labels(
      Map.of("d1", "structuring", "d2", "structuring", "d3", "structuring",
          "d4", "structuring", "d5", "structuring", "d6", "structuring", "f1", "fan_in"),
      Map.of("d1", "structuring-0001", "d2", "structuring-0001", "d3", "structuring-0001",
          "d4", "structuring-0002", "d5", "structuring-0002", "d6", "structuring-0002", "f1", "fan_in-0001"));

  @Test
  void anInstanceIsDetectedWhenAnyOfItsEventsIsEvidence() {
    EffectivenessCounter counter = new EffectivenessCounter(LABELS);
    counter.add("aml.structuring", "d1,d2");

    BacktestReport.TypologyFigures structuring = counter.result().typologies().get("structuring");
    assertThat(structuring.instances()).isEqualTo(2);
    assertThat(structuring.detectedInstances()).isEqualTo(1);
    assertThat(structuring.instanceRecall()).isEqualTo(0.5);
    assertThat(structuring.labelledEvents()).isEqualTo(6);
    assertThat(structuring.detectedEvents()).isEqualTo(2);
    assertThat(counter.result().typologies().get("fan_in").detectedInstances()).isZero();
  }

  @Test
  void anAlertWithoutLabelledEvidenceIsAFalsePositive() {
    EffectivenessCounter counter = new EffectivenessCounter(LABELS);
    counter.add("aml.structuring", "d4,d5,d6");
    counter.add("aml.structuring", "x9");

    BacktestReport.RuleFigures rule = counter.result().rules().get("aml.structuring");
    assertThat(rule.truePositives()).isEqualTo(1);
    assertThat(rule.falsePositives()).isEqualTo(1);
    assertThat(rule.precision()).isEqualTo(0.5);
  }
}
