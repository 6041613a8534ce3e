package dev.tollgate.engine.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Window accumulators and spike histories survive checkpoints and state copies. */
class StateSerializersTest {

  private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  private static Accumulator filled(SlotKind[] kinds) {
    Accumulator acc = Accumulator.create(kinds);
    Object[][] values = {
      {true, true}, {5L, 7L}, {new BigDecimal("0.10"), new BigDecimal("2")}, {0.5, 0.25},
      {new BigDecimal("1"), 2L}, {1.0, 2.0}, {"b", "a"}, {3L, 9L}, {"B1", new BigDecimal("10.0")},
      {5L, 7L}, {new BigDecimal("0.10"), new BigDecimal("2")}, {"B1", "B1", "B2"},
    };
    for (int i = 0; i < kinds.length; i++) {
      for (Object value : values[i]) {
        acc.states[i] = kinds[i].add(acc.states[i], value);
      }
    }
    return acc;
  }

  private static Object[] results(SlotKind[] kinds, Accumulator acc) {
    Object[] results = new Object[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      results[i] = kinds[i].result(acc.states[i]);
    }
    return results;
  }

  @Test
  void accumulatorOfEverySlotKindRoundTripsAndCopiesIndependently() throws IOException {
    SlotKind[] kinds = SlotKind.values();
    AccumulatorSerializer serializer = new AccumulatorSerializer(kinds);
    Accumulator original = filled(kinds);
    Object[] expected = {
      2L, 12L, new BigDecimal("2.10"), 0.75, new BigDecimal("1.5"), 1.5, "a", 9L, 2L, 12L, new BigDecimal("2.10"), 2L,
    };

    assertThat(results(kinds, roundTrip(serializer, original))).containsExactly(expected);

    Accumulator copy = serializer.copy(original);
    kinds[0].add(original.states[0], true);
    ((Set<Object>) castSet(original.states[8])).add("B9");
    assertThat(results(kinds, copy)).containsExactly(expected);
  }

  @SuppressWarnings("unchecked")
  private static Set<Object> castSet(Object state) {
    return (Set<Object>) state;
  }

  @Test
  void emptyAccumulatorYieldsZeroCountsAndNullsElsewhere() throws IOException {
    SlotKind[] kinds = SlotKind.values();
    Accumulator empty = roundTrip(new AccumulatorSerializer(kinds), Accumulator.create(kinds));

    assertThat(results(kinds, empty)).containsExactly(0L, null, null, null, null, null, null, null, 0L, null, null, 0L);
  }

  @Test
  void longSumThatOverflowsIsNullRatherThanWrapped() {
    Object state = SlotKind.SUM_LONG.create();
    SlotKind.SUM_LONG.add(state, Long.MAX_VALUE);
    SlotKind.SUM_LONG.add(state, 1L);

    assertThat(SlotKind.SUM_LONG.result(state)).isNull();
  }

  @Test
  void accumulatorSnapshotRestoresTheSameSlotsAndRejectsOthers() throws IOException {
    SlotKind[] kinds = {SlotKind.COUNT, SlotKind.SUM_DECIMAL};
    TypeSerializerSnapshot<Accumulator> snapshot = new AccumulatorSerializer(kinds).snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    TypeSerializerSnapshot<Accumulator> restored = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(restored.restoreSerializer()).isEqualTo(new AccumulatorSerializer(kinds));
    TypeSerializerSchemaCompatibility<Accumulator> same =
        new AccumulatorSerializer(kinds).snapshotConfiguration().resolveSchemaCompatibility(restored);
    TypeSerializerSchemaCompatibility<Accumulator> other =
        new AccumulatorSerializer(new SlotKind[] {SlotKind.COUNT}).snapshotConfiguration().resolveSchemaCompatibility(restored);
    assertThat(same.isCompatibleAsIs()).isTrue();
    assertThat(other.isIncompatible()).isTrue();
  }

  @Test
  void baselineHistoryRoundTripsWithItsRingOrder() throws IOException {
    BaselineHistory history = new BaselineHistory(2, 3);
    history.lastWindowStart = 3_600_000L;
    history.lastWindowEnd = 7_200_000L;
    for (int i = 1; i <= 4; i++) {
      history.push(new BigDecimal[] {BigDecimal.valueOf(i), new BigDecimal("0.5")});
    }

    BaselineHistory restored = roundTrip(BaselineHistorySerializer.INSTANCE, history);

    assertThat(restored.lastWindowStart).isEqualTo(3_600_000L);
    assertThat(restored.lastWindowEnd).isEqualTo(7_200_000L);
    assertThat(restored.size()).isEqualTo(3);
    assertThat(restored.row(0)[0]).isEqualTo(BigDecimal.valueOf(2));
    assertThat(restored.mean(0, 3)).isEqualByComparingTo("3");
    assertThat(restored.mean(0, 1)).isEqualByComparingTo("4");
    assertThat(restored.mean(1, 2)).isEqualByComparingTo("0.5");
    assertThat(BaselineHistorySerializer.INSTANCE.copy(history).mean(0, 3)).isEqualByComparingTo("3");
  }
}
