package dev.tollgate.engine.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SortedTimestampsTest {

  @Test
  void insertKeepsTimestampsAscendingAndDistinct() {
    long[] sorted = null;
    for (long timestamp : new long[] {30, 10, 20, 10, 40, 30}) {
      sorted = SortedTimestamps.insert(sorted, timestamp);
    }
    assertThat(sorted).containsExactly(10, 20, 30, 40);
  }

  @Test
  void countsTheTimestampsATimeHasPassed() {
    long[] sorted = {10, 20, 30};
    assertThat(SortedTimestamps.countAtOrBefore(sorted, 5)).isZero();
    assertThat(SortedTimestamps.countAtOrBefore(sorted, 20)).isEqualTo(2);
    assertThat(SortedTimestamps.countAtOrBefore(sorted, 99)).isEqualTo(3);
    assertThat(SortedTimestamps.countAtOrBefore(null, 99)).isZero();
  }
}
