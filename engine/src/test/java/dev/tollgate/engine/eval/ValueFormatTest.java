package dev.tollgate.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueFormatTest {

  @Test
  void writesTimestampsWithMillisecondsOnlyWhenThereAreAny() {
    assertThat(ValueFormat.timestamp(1_772_355_600_000L)).isEqualTo("2026-03-01T09:00:00Z");
    assertThat(ValueFormat.timestamp(1_772_355_600_007L)).isEqualTo("2026-03-01T09:00:00.007Z");
  }

  @ParameterizedTest
  @ValueSource(longs = {
      0L, -1L, 951_782_400_000L /* 2000-02-29 */, 4_107_542_399_999L /* 2100-02-28T23:59:59.999 */,
      -62_167_219_200_000L /* 0000-01-01 */, -62_167_219_200_001L, 253_402_300_799_999L /* 9999-12-31T23:59:59.999 */,
      253_402_300_800_000L /* 10000-01-01 */, Long.MAX_VALUE / 1_000, -Long.MAX_VALUE / 1_000})
  void writesEdgeTimestampsAsInstantDoes(long epochMillis) {
    assertThat(ValueFormat.timestamp(epochMillis)).isEqualTo(Instant.ofEpochMilli(epochMillis).toString());
  }

  @Test
  void writesRandomTimestampsAsInstantDoes() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      long epochMillis = random.nextLong(-62_167_219_200_000L - 86_400_000L, 253_402_300_800_000L + 86_400_000L);
      if (i % 2 == 0) {
        epochMillis -= epochMillis % 1_000;
      }

      assertThat(ValueFormat.timestamp(epochMillis)).isEqualTo(Instant.ofEpochMilli(epochMillis).toString());
    }
  }
}
