package dev.tollgate.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class ZipfTest {
  @Test
  void drawsTheBusiestAndQuietestEntitiesInProportionToTheirWeights() {
    int size = 1_000;
    double shift = 10;
    Zipf zipf = new Zipf(size, 1.0, shift);
    Rng rng = new Rng(5);
    int[] counts = new int[size];
    int draws = 2_000_000;
    for (int i = 0; i < draws; i++) {
      counts[zipf.sample(rng)]++;
    }

    double total = 0;
    for (int rank = 0; rank < size; rank++) {
      total += 1.0 / (rank + 1 + shift);
    }
    int busiest = 0;
    int quietest = 0;
    for (int index = 0; index < size; index++) {
      busiest = counts[index] > counts[busiest] ? index : busiest;
      quietest = counts[index] < counts[quietest] ? index : quietest;
    }
    assertThat((double) counts[busiest] / draws).isCloseTo(1.0 / (1 + shift) / total, offset(0.002));
    assertThat((double) counts[quietest] / draws).isCloseTo(1.0 / (size + shift) / total, offset(0.0003));
  }
}
