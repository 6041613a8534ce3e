package dev.tollgate.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertExamplesTest {
  @TempDir Path dir;

  @Test
  void choosesTheMostSevereAlertOfEachCategoryBeforeASecondOfAny() throws IOException {
    Path alerts = dir.resolve("alerts.jsonl");
    Files.write(alerts, List.of(
        alert("fraud.geo", "low", "fraud", 1),
        alert("aml.structuring", "high", "money_laundering", 3),
        alert("aml.structuring", "high", "money_laundering", 3),
        alert("aml.embargo", "critical", "money_laundering", 1),
        alert("fraud.card_testing", "high", "fraud", 4),
        alert("shipment.stalled", "medium", "shipment", 1)));

    List<AlertExamples.Summary> chosen = AlertExamples.choose(alerts, 4);

    assertThat(chosen).extracting(AlertExamples.Summary::ruleId)
        .containsExactly("aml.embargo", "fraud.card_testing", "aml.structuring", "shipment.stalled");
  }

  @Test
  void printsTheAlertIndentedWithExactDecimalsAndAtMostThreeEvents() {
    AlertExamples.Summary alert = AlertExamples.summarize(alert("fraud.card_testing", "high", "fraud", 5));

    String text = AlertExamples.render(alert);

    assertThat(text).startsWith("[HIGH] fraud.card_testing: fired\n")
        .contains("\"amount\": 9500.00")
        .contains("\"id\": \"e2\"")
        .doesNotContain("\"id\": \"e3\"")
        .endsWith("(2 more matched events in alerts.jsonl)\n");
    assertThat(alert.events()).isEqualTo(5);
  }

  private static String alert(String rule, String severity, String category, int events) {
    StringBuilder matched = new StringBuilder();
    for (int i = 0; i < events; i++) {
      matched.append(i == 0 ? "" : ",").append("{\"event\":\"Payment\",\"id\":\"e").append(i).append("\",\"amount\":9500.00}");
    }
    return "{\"alertId\":\"a\",\"ruleId\":\"" + rule + "\",\"severity\":\"" + severity + "\",\"category\":\"" + category
        + "\",\"key\":{\"cardId\":\"C1\"},\"message\":\"fired\",\"events\":[" + matched + "],\"tags\":[\"x\"]}";
  }
}
