package dev.tollgate.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {

  @ParameterizedTest
  @CsvSource({
      "2026-03-01T09:00:00Z, 1772355600000",
      "2026-03-01T09:00:00.1Z, 1772355600100",
      "2026-03-01T09:00:00.123456789Z, 1772355600123",
      "2026-03-01T10:00:00+01:00, 1772355600000",
      "2026-03-01T04:30:00-04:30, 1772355600000",
      "2024-02-29T00:00:00Z, 1709164800000",
      "1969-12-31T23:59:59.999Z, -1",
      "2026-03-01T10:00:00+01:00[Europe/Paris], 1772355600000",
      "2026-03-01T09:00Z, 1772355600000",
  })
  void parsesTimestampsWithZone(String text, long millis) {
    assertThat(IsoTimestamps.parseOrInvalid(text)).isEqualTo(millis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-01T09:00:00", "2026-02-30T09:00:00Z", "2026-03-01 09:00:00Z", "yesterday", "",
      "2026-03-01T25:00:00Z"})
  void refusesTextThatIsNotAnInstant(String text) {
    assertThat(IsoTimestamps.parseOrInvalid(text)).isEqualTo(IsoTimestamps.INVALID);
  }

  @Test
  void handParsedShapeAgreesWithJavaTime() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      long millis = random.nextLong() % 8_000_000_000_000L;
      int offsetMinutes = (random.nextInt(33) - 16) * 45;
      OffsetDateTime time = java.time.Instant.ofEpochMilli(millis).atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
      String text = time.toString();

      assertThat(IsoTimestamps.parseOrInvalid(text)).as(text).isEqualTo(millis);
    }
  }
}
