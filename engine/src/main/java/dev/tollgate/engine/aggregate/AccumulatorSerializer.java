package dev.tollgate.engine.aggregate;

import dev.tollgate.engine.serde.MutableValueSerializer;
import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes window accumulators slot by slot, each in its {@link SlotKind}'s binary form, so window
 * state never goes through Kryo. The slot kinds are the serializer's whole configuration and are
 * recorded in its snapshot.
 */
final class AccumulatorSerializer extends MutableValueSerializer<Accumulator> {
  private static final long serialVersionUID = 1L;

  private final SlotKind[] kinds;

  AccumulatorSerializer(SlotKind[] kinds) {
    this.kinds = kinds.clone();
  }

  SlotKind[] kinds() {
    return kinds.clone();
  }

  @Override
  public Accumulator createInstance() {
    return Accumulator.create(kinds);
  }

  @Override
  public Accumulator copy(Accumulator from) {
    Object[] states = new Object[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      states[i] = kinds[i].copy(from.states[i]);
    }
    return new Accumulator(states);
  }

  @Override
  public void serialize(Accumulator accumulator, DataOutputView out) throws IOException {
    for (int i = 0; i < kinds.length; i++) {
      kinds[i].write(out, accumulator.states[i]);
    }
  }

  @Override
  public Accumulator deserialize(DataInputView in) throws IOException {
    Object[] states = new Object[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      states[i] = kinds[i].read(in);
    }
    return new Accumulator(states);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccumulatorSerializer other && Arrays.equals(kinds, other.kinds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(kinds);
  }

  @Override
  public TypeSerializerSnapshot<Accumulator> snapshotConfiguration() {
    return new AccumulatorSerializerSnapshot(kinds);
  }
}
