package dev.tollgate.engine.alert;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.testing.Schemas;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class AlertFixtures {
  private AlertFixtures() {}

  static Alert structuring() {
    List<Event> events = List.of(
        Schemas.tx("t1", "2026-03-01T09:00:00Z", "A1", "CASH_DEPOSIT", "9500"),
        Schemas.tx("t2", "2026-03-01T12:00:00Z", "A1", "CASH_DEPOSIT", "9000.50"));
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("accountId", "A1");
    key.put("branch", 7L);
    return new Alert(AlertIds.of("aml.structuring", "v1", key.values(), events), "aml.structuring", "v1",
        Severity.HIGH, "money_laundering", Mode.SHADOW, key, "Account A1: 2 deposits",
        Instant.parse("2026-03-01T12:00:00Z").toEpochMilli(), events, List.of("aml", "cash"));
  }
}
