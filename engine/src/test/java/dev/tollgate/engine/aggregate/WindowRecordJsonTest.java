package dev.tollgate.engine.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.testing.Exprs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowRecordJsonTest {

  @Test
  void recordIsWrittenAsTheSpecShowsWithGroupFieldsThenSelectedNames() {
    WindowRecordJson json = new WindowRecordJson(List.of(Orders.hourlyBySkuAndCountry()));
    WindowRecord record = new WindowRecord("demand.hourly_by_sku",
        Instant.parse("2026-03-01T10:00:00Z").toEpochMilli(), Instant.parse("2026-03-01T11:00:00Z").toEpochMilli(),
        List.of("SKU1", "DE"), List.of(2L, 5L, new BigDecimal("1.5E+3")));

    assertThat(json.encode(record)).isEqualTo("{\"aggregate\":\"demand.hourly_by_sku\","
        + "\"window_start\":\"2026-03-01T10:00:00Z\",\"window_end\":\"2026-03-01T11:00:00Z\","
        + "\"sku\":\"SKU1\",\"destinationCountry\":\"DE\",\"orders\":2,\"units\":5,\"revenue\":1500}");
    assertThat(json.encodeGroup(record))
        .isEqualTo("{\"aggregate\":\"demand.hourly_by_sku\",\"sku\":\"SKU1\",\"destinationCountry\":\"DE\"}");
  }

  @Test
  void timestampValuesAreIsoAndMissingValuesNull() {
    AggregatePlan plan = Orders.plan("orders.first", Orders.BY_SKU, Orders.tumbling(Duration.ofHours(1)), List.of(
        Orders.select("first_order", AggregateFunction.MIN, Exprs.field("ts", 1, ValueType.TIMESTAMP), ValueType.TIMESTAMP),
        Orders.select("mean_units", AggregateFunction.AVG, Orders.QUANTITY, ValueType.DECIMAL)), null);
    WindowRecord record = new WindowRecord("orders.first", 0, 3_600_000, List.of("S"),
        Arrays.asList(Instant.parse("1970-01-01T00:12:34.500Z").toEpochMilli(), null));

    assertThat(new WindowRecordJson(List.of(plan)).encode(record)).isEqualTo("{\"aggregate\":\"orders.first\","
        + "\"window_start\":\"1970-01-01T00:00:00Z\",\"window_end\":\"1970-01-01T01:00:00Z\",\"sku\":\"S\","
        + "\"first_order\":\"1970-01-01T00:12:34.500Z\",\"mean_units\":null}");
  }

  @Test
  void theKeyNamesTheAggregateAndGroupAndIsTheSameForEveryWindowOfTheGroup() {
    WindowRecordJson json = new WindowRecordJson(List.of(Orders.hourlyBySkuAndCountry()));
    WindowRecord ten = new WindowRecord("demand.hourly_by_sku", 0, 3_600_000, List.of("SKU1", "DE"), List.of(1L, 1L, BigDecimal.ONE));
    WindowRecord eleven = new WindowRecord("demand.hourly_by_sku", 3_600_000, 7_200_000, List.of("SKU1", "DE"),
        List.of(9L, 9L, BigDecimal.TEN));

    assertThat(json.encodeGroup(ten))
        .isEqualTo("{\"aggregate\":\"demand.hourly_by_sku\",\"sku\":\"SKU1\",\"destinationCountry\":\"DE\"}")
        .isEqualTo(json.encodeGroup(eleven));
  }
}
