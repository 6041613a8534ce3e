package dev.tollgate.engine.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyWindowsTest {
  private static final List<String> RULES = IntStream.range(0, 130).mapToObj(i -> "window/r" + i + "@v1").toList();
  private final KeyWindows layout = new KeyWindows(RULES);

  @Test
  void walksTheRulesOfARecordAcrossWords() {
    long[] record = layout.with(layout.with(layout.with(layout.with(layout.create(60_000L), 0), 64), 129), 63);

    assertThat(rules(record)).containsExactly(0, 63, 64, 129);
    assertThat(rules(layout.without(record, 64))).containsExactly(0, 63, 129);
    assertThat(KeyWindows.cleanupAt(record)).isEqualTo(60_000L);
    assertThat(KeyWindows.cleanupAt(KeyWindows.withCleanupAt(record, 90_000L))).isEqualTo(90_000L);
  }

  @Test
  void aRecordWithoutRulesHoldsNothing() {
    long[] record = layout.create(1L);

    assertThat(layout.holdsAny(record)).isFalse();
    assertThat(layout.holdsAny(layout.with(record, 129))).isTrue();
    assertThat(layout.holdsAny(layout.without(layout.with(record, 5), 5))).isFalse();
  }

  @Test
  void changesNeverTouchTheRecordTheyAreGiven() {
    long[] record = layout.with(layout.create(1L), 3);
    long[] before = record.clone();

    layout.with(record, 4);
    layout.without(record, 3);
    KeyWindows.withCleanupAt(record, 2L);

    assertThat(record).isEqualTo(before);
  }

  @Test
  void aRecordWrittenForAnotherRuleListIsNotTrusted() {
    long[] record = layout.with(layout.create(1L), 1);
    List<String> reordered = new ArrayList<>(RULES);
    reordered.add(0, reordered.remove(1));

    assertThat(layout.indexed(record)).isTrue();
    assertThat(new KeyWindows(reordered).indexed(record)).isFalse();
    assertThat(new KeyWindows(RULES.subList(0, 10)).indexed(record)).isFalse();
  }

  private List<Integer> rules(long[] record) {
    List<Integer> rules = new ArrayList<>();
    for (int i = layout.next(record, 0); i >= 0; i = layout.next(record, i + 1)) {
      rules.add(i);
    }
    return rules;
  }
}
