package dev.tollgate.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TopLevelTsTest {
  private static final long MILLIS = Instant.parse("2026-03-01T09:00:00Z").toEpochMilli();

  @Test
  void readsTheUsualShapesItself() {
    assertThat(scan("{\"event\":\"Payment\",\"id\":\"p1\",\"ts\":\"2026-03-01T09:00:00Z\",\"amount\":1.5}")).isEqualTo(MILLIS);
    assertThat(scan("{\"tags\":[\"a\",{\"b\":\"}\"}],\"ts\":" + MILLIS + "}")).isEqualTo(MILLIS);
    assertThat(scan("{\"id\":\"a\",\"ok\":false,\"n\":-1.5e3}")).as("no ts").isEqualTo(Long.MIN_VALUE);
    assertThat(scan("{\"ts\":\"yesterday\"}")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void leavesEscapesFractionsAndMalformedRecordsToTheParser() {
    assertThat(scan("{\"t\\u0073\":3}")).isEqualTo(TopLevelTs.UNSURE);
    assertThat(scan("{\"ts\":\"2026-03-01T09:00:00\\u005A\"}")).isEqualTo(TopLevelTs.UNSURE);
    assertThat(scan("{\"ts\":1.0}")).isEqualTo(TopLevelTs.UNSURE);
    assertThat(scan("{\"id\":}")).isEqualTo(TopLevelTs.UNSURE);
    assertThat(scan("not json")).isEqualTo(TopLevelTs.UNSURE);
  }

  private static long scan(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return TopLevelTs.scan(bytes, 0, bytes.length);
  }
}
