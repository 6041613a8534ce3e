package dev.tollgate.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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

  @Test
  void readsRecordsInTheirBytesAsInTheirText() {
    List<String> records = List.of(
        "{\"id\":\"a\",\"ts\":\"2026-03-01T09:00:00Z\"}",
        " { \"id\" : \"a\" , \"ts\" : \"2026-03-01T10:00:00+01:00\" } ",
        "{\"ts\":" + MILLIS + "}", "{\"ts\":-5}", "{\"ts\":" + MILLIS + ".0}", "{\"ts\":1e3}",
        "{\"ts\":0123}", "{\"ts\":12345678901234567890}", "{\"ts\":12ab}",
        "{\"meta\":{\"ts\":1,\"x\":[1,{\"ts\":2}],\"s\":\"}]\\\"\"},\"ts\":" + MILLIS + "}",
        "{\"note\":\"a \\\"ts\\\": 1\",\"ts\":7}", "{\"t\\u0073\":3}",
        "{\"ts\":\"2026-03-01T09:00:00\\u005A\"}", "{\"ts\":\"2026-03-01T09:00:00Z[Europe/Paris]\"}",
        "{\"ts\":\"yesterday\"}", "{\"ts\":\"día\"}", "{\"ts\":true}", "{\"ts\":null}", "{\"ok\":true,\"ts\":9}",
        "{\"id\":\"a\"}", "{}", "[1,2]", "not json", "", "{\"id\":", "{\"ts\":\"2026-03-01");
    for (String text : records) {
      byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
      int length = text.getBytes(StandardCharsets.UTF_8).length;
      assertThat(timestamps.timestampOf(bytes, 2, length)).as(text).isEqualTo(ts(text));
    }
  }

  private long ts(String text) {
    return timestamps.extractTimestamp(new RawRecord(text, "events", 0, 0, null), 42L);
  }
}
