package dev.tollgate.engine.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseEventJsonTest {
  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void severityRaisedCarriesBothSeveritiesAndTheAlert() {
    CaseEvent event = new CaseEvent(CaseEvent.Type.SEVERITY_RAISED, "c1", 3, "fraud", "{\"cardId\":\"C1\"}",
        Severity.CRITICAL, Severity.MEDIUM, "a9", "fraud.card_testing", 2, at("2026-03-01T09:00:00Z"),
        at("2026-03-01T10:00:00Z"), at("2026-03-08T10:00:00Z"), at("2026-03-01T10:00:00Z"));

    assertThat(CaseEventJson.encode(event)).isEqualTo("{\"caseEventId\":\"c1-3\",\"type\":\"severity_raised\","
        + "\"caseId\":\"c1\",\"sequence\":3,\"category\":\"fraud\",\"key\":{\"cardId\":\"C1\"},\"severity\":\"critical\","
        + "\"previousSeverity\":\"medium\",\"alertId\":\"a9\",\"ruleId\":\"fraud.card_testing\",\"alertCount\":2,"
        + "\"openedAt\":\"2026-03-01T09:00:00Z\",\"lastAlertAt\":\"2026-03-01T10:00:00Z\","
        + "\"closesAt\":\"2026-03-08T10:00:00Z\",\"eventTime\":\"2026-03-01T10:00:00Z\"}");
  }

  @Test
  void closedHasNoAlert() {
    CaseEvent event = new CaseEvent(CaseEvent.Type.CLOSED, "c1", 4, "fraud", "{}", Severity.HIGH, null, null, null, 2,
        0, 0, 1000, 1000);

    assertThat(CaseEventJson.encode(event)).doesNotContain("alertId", "ruleId", "previousSeverity")
        .contains("\"type\":\"closed\"", "\"key\":{}");
  }

  @Test
  void keysKeepTheirTypesAndOrder() {
    java.util.Map<String, Object> key = new java.util.LinkedHashMap<>();
    key.put("buyerId", "B1");
    key.put("branch", 7L);
    key.put("amount", new java.math.BigDecimal("10.50"));

    assertThat(CaseEventJson.key(key)).isEqualTo("{\"buyerId\":\"B1\",\"branch\":7,\"amount\":10.50}");
  }
}
