package dev.tollgate.engine.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.testing.Schemas;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertIdsTest {
  private static final Event T1 = Schemas.tx("t1", "2026-03-01T09:00:00Z", "A1", "CASH_DEPOSIT", "9500");
  private static final Event T2 = Schemas.tx("t2", "2026-03-01T10:00:00Z", "A1", "CASH_DEPOSIT", "9000");

  @Test
  void sameInputsGiveSameIdAcrossRuns() {
    String id = AlertIds.of("aml.structuring", "abc123", List.of("A1"), List.of(T1, T2));

    // Pinned (computed independently from the documented layout): no dependence on machine, JVM or run.
    assertThat(id).isEqualTo(AlertIds.of("aml.structuring", "abc123", List.of("A1"), List.of(T1, T2)))
        .hasSize(32).matches("[0-9a-f]{32}")
        .isEqualTo("9da0f009a7f9f08f9228992305758ee5");
  }

  @Test
  void everyComponentChangesTheId() {
    String base = AlertIds.of("r", "v1", List.of("A1"), List.of(T1, T2));

    assertThat(AlertIds.of("r2", "v1", List.of("A1"), List.of(T1, T2))).isNotEqualTo(base);
    assertThat(AlertIds.of("r", "v2", List.of("A1"), List.of(T1, T2))).isNotEqualTo(base);
    assertThat(AlertIds.of("r", "v1", List.of("A2"), List.of(T1, T2))).isNotEqualTo(base);
    assertThat(AlertIds.of("r", "v1", List.of("A1"), List.of(T1))).isNotEqualTo(base);
    assertThat(AlertIds.of("r", "v1", List.of("A1"), List.of(T2, T1))).isNotEqualTo(base);
  }

  @Test
  void componentBoundariesAreUnambiguous() {
    assertThat(AlertIds.of("ab", "c", List.of(), List.of(T1)))
        .isNotEqualTo(AlertIds.of("a", "bc", List.of(), List.of(T1)));
    assertThat(AlertIds.of("r", "v", List.of("A1", "B"), List.of()))
        .isNotEqualTo(AlertIds.of("r", "v", List.of("A1B"), List.of()));
  }

  @Test
  void decimalKeyScaleDoesNotMatter() {
    assertThat(AlertIds.of("r", "v", List.of(new BigDecimal("10.0")), List.of(T1)))
        .isEqualTo(AlertIds.of("r", "v", List.of(new BigDecimal("10")), List.of(T1)));
  }
}
