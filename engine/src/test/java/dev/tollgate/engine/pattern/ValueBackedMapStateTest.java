package dev.tollgate.engine.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.junit.jupiter.api.Test;

class ValueBackedMapStateTest {

  /** One key's value state, as a keyed backend holds it. */
  private static final class OneValue<T> implements ValueState<T> {
    T stored;
    int writes;

    @Override
    public T value() {
      return stored;
    }

    @Override
    public void update(T value) {
      stored = value;
      writes++;
    }

    @Override
    public void clear() {
      stored = null;
    }
  }

  @Test
  void removingThroughAKeyIteratorWritesThroughAndAnEmptiedMapLeavesNoState() throws Exception {
    OneValue<Map<Long, Integer>> value = new OneValue<>();
    ValueBackedMapState<Long, Integer> counts = new ValueBackedMapState<>(value);
    counts.put(10L, 1);
    counts.put(20L, 2);
    counts.put(30L, 3);

    for (Iterator<Long> keys = counts.keys().iterator(); keys.hasNext(); ) {
      if (keys.next() < 25) {
        keys.remove();
      }
    }
    assertThat(counts.get(30L)).isEqualTo(3);
    assertThat(counts.contains(10L)).isFalse();
    assertThat(counts.isEmpty()).isFalse();

    counts.remove(30L);
    assertThat(counts.isEmpty()).isTrue();
    assertThat(value.stored).isNull();
  }

  @Test
  void readsNeverWrite() throws Exception {
    OneValue<Map<Long, Integer>> value = new OneValue<>();
    ValueBackedMapState<Long, Integer> counts = new ValueBackedMapState<>(value);
    counts.put(10L, 1);
    int writes = value.writes;

    counts.get(10L);
    counts.contains(20L);
    counts.isEmpty();
    counts.keys().forEach(key -> { });
    counts.remove(99L);

    assertThat(value.writes).isEqualTo(writes);
  }
}
