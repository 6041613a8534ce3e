package dev.tollgate.engine.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RuleBitsTest {
  private static final List<String> RULES = IntStream.range(0, 130).mapToObj(i -> "window/r" + i + "@v1").toList();
  private final RuleBits bits = new RuleBits(RULES);

  @Test
  void walksTheRulesInASetAcrossWords() {
    long[] set = bits.union(bits.with(bits.with(null, 0), 64), bits.with(bits.with(null, 129), 63));

    assertThat(members(set)).containsExactly(0, 63, 64, 129);
    assertThat(members(bits.without(set, 64))).containsExactly(0, 63, 129);
  }

  @Test
  void removingTheLastRuleLeavesNoSet() {
    assertThat(bits.without(bits.with(null, 5), 5)).isNull();
    assertThat(members(null)).isEmpty();
  }

  @Test
  void changesNeverTouchTheArrayTheyAreGiven() {
    long[] set = bits.with(null, 3);
    long[] before = set.clone();

    bits.with(set, 4);
    bits.without(set, 3);
    bits.union(set, bits.with(null, 9));

    assertThat(set).isEqualTo(before);
  }

  @Test
  void aSetWrittenForAnotherRuleListIsNotRead() {
    long[] set = bits.with(null, 1);
    List<String> reordered = new ArrayList<>(RULES);
    reordered.add(0, reordered.remove(1));

    assertThat(bits.read(set)).isSameAs(set);
    assertThat(new RuleBits(reordered).read(set)).isNull();
    assertThat(new RuleBits(RULES.subList(0, 10)).read(set)).isNull();
    assertThat(bits.read(null)).isNull();
  }

  private List<Integer> members(long[] set) {
    List<Integer> rules = new ArrayList<>();
    for (int i = bits.next(set, 0); i >= 0; i = bits.next(set, i + 1)) {
      rules.add(i);
    }
    return rules;
  }
}
