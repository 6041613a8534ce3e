package dev.tollgate.engine.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.testing.Schemas;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.api.common.functions.util.ListCollector;
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
    assertThat(input.counts(Orders.order("o1", "2026-03-01T10:00:00Z", "S", "DE", 1, "1"))).isTrue();
    assertThat(input.counts(Orders.order("o2", "2026-03-01T10:00:00Z", "sku", "S", "destinationCountry", "DE",
        "status", "CANCELLED"))).isFalse();
    assertThat(input.counts(Schemas.tx("t1", "2026-03-01T10:00:00Z", "A", "PLACED", "1"))).isFalse();
  }

  @Test
  void skipsEventsWithANullGroupField() {
    assertThat(input.counts(Orders.order("o1", "2026-03-01T10:00:00Z", "sku", "S", "status", "PLACED"))).isFalse();
  }

  @Test
  void passesOnACountedEventWithOnlyTheFieldsTheWindowsRead() {
    List<Event> out = new ArrayList<>();
    ListCollector<Event> collector = new ListCollector<>(out);

    input.flatMap(Orders.order("o1", "2026-03-01T10:00:00Z", "sku", "S", "destinationCountry", "DE", "quantity", 3,
        "amount", "9.90", "status", "PLACED", "buyerId", "B7"), collector);
    input.flatMap(Orders.order("o2", "2026-03-01T10:00:00Z", "sku", "S", "destinationCountry", "DE",
        "status", "CANCELLED"), collector);

    // id, ts, sku, destinationCountry, quantity, amount: the status (only read by where) and the buyer are gone
    assertThat(out).singleElement().satisfies(event -> {
      assertThat(event.id()).isEqualTo("o1");
      assertThat(event.get(2)).isEqualTo("S");
      assertThat(event.get(3)).isEqualTo("DE");
      assertThat(event.get(4)).isEqualTo(3L);
      assertThat(event.get(5)).isEqualTo(new BigDecimal("9.90"));
      assertThat(event.get(6)).isNull();
      assertThat(event.get(7)).isNull();
    });
  }
}
