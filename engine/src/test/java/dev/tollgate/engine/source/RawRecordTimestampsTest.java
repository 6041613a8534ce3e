package dev.tollgate.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RawRecordTimestampsTest {
  private static final long MILLIS = Instant.parse("2026-03-01T09:00:00Z").toEpochMilli();

  private final RawRecordTimestamps timestamps = new RawRecordTimestamps();

  @Test
  void readsTsAsTheDecoderDoes() {
    assertThat(ts("{\"id\":\"a\",\"ts\":\"2026-03-01T09:00:00Z\"}")).isEqualTo(MILLIS);
    assertThat(ts("{\"ts\":\"2026-03-01T10:00:00+01:00\",\"id\":\"a\"}")).isEqualTo(MILLIS);
    assertThat(ts("{\"ts\":" + MILLIS + "}")).isEqualTo(MILLIS);
    assertThat(ts("{\"ts\":" + MILLIS + ".0}")).isEqualTo(MILLIS);
  }

  @Test
  void skipsNestedValuesBeforeTs() {
    assertThat(ts("{\"meta\":{\"ts\":1,\"x\":[1,{\"ts\":2}]},\"ts\":" + MILLIS + "}")).isEqualTo(MILLIS);
  }

  @Test
  void givesRecordsWithoutAReadableTsTheLowestTimestamp() {
    assertThat(ts("not json")).isEqualTo(Long.MIN_VALUE);
    assertThat(ts("[1,2]")).isEqualTo(Long.MIN_VALUE);
    assertThat(ts("{\"id\":\"a\"}")).isEqualTo(Long.MIN_VALUE);
    assertThat(ts("{\"ts\":\"yesterday\"}")).isEqualTo(Long.MIN_VALUE);
    assertThat(ts("{\"ts\":1.5}")).isEqualTo(Long.MIN_VALUE);
    assertThat(ts("{\"ts\":true}")).isEqualTo(Long.MIN_VALUE);
    assertThat(ts("")).isEqualTo(Long.MIN_VALUE);
  }

  private long ts(String text) {
    return timestamps.extractTimestamp(new RawRecord(text, "events", 0, 0, null), 42L);
  }
}
