package dev.tollgate.engine.aggregate;

import dev.tollgate.engine.serde.OpaqueTypeInfo;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information for window accumulators, so Flink uses {@link AccumulatorSerializer}, not Kryo. */
final class AccumulatorTypeInfo extends OpaqueTypeInfo<Accumulator> {
  private static final long serialVersionUID = 1L;

  private final SlotKind[] kinds;

  AccumulatorTypeInfo(SlotKind[] kinds) {
    super(Accumulator.class, List.of(kinds));
    this.kinds = kinds.clone();
  }

  @Override
  public TypeSerializer<Accumulator> createSerializer(SerializerConfig config) {
    return new AccumulatorSerializer(kinds);
  }
}
