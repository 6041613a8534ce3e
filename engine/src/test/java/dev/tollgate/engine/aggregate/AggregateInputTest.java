package dev.tollgate.engine.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.engine.testing.Schemas;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregateInputTest {
  private final AggregateInput input = new AggregateInput(Orders.hourlyBySkuAndCountry());

  @BeforeEach
  void open() {
    input.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
    input.open(DefaultOpenContext.INSTANCE);
  }

  @Test
  void countsEventsOfItsTypeThatSatisfyWhere() {
    assertThat(input.filter(Orders.order("o1", "2026-03-01T10:00:00Z", "S", "DE", 1, "1"))).isTrue();
    assertThat(input.filter(Orders.order("o2", "2026-03-01T10:00:00Z", "sku", "S", "destinationCountry", "DE",
        "status", "CANCELLED"))).isFalse();
    assertThat(input.filter(Schemas.tx("t1", "2026-03-01T10:00:00Z", "A", "PLACED", "1"))).isFalse();
  }

  @Test
  void skipsEventsWithANullGroupField() {
    assertThat(input.filter(Orders.order("o1", "2026-03-01T10:00:00Z", "sku", "S", "status", "PLACED"))).isFalse();
  }
}
