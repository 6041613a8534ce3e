package dev.tollgate.engine.aggregate;

import java.util.Arrays;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information for window accumulators, so Flink uses {@link AccumulatorSerializer}, not Kryo. */
final class AccumulatorTypeInfo extends TypeInformation<Accumulator> {
  private static final long serialVersionUID = 1L;

  private final SlotKind[] kinds;

  AccumulatorTypeInfo(SlotKind[] kinds) {
    this.kinds = kinds.clone();
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<Accumulator> getTypeClass() {
    return Accumulator.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<Accumulator> createSerializer(SerializerConfig config) {
    return new AccumulatorSerializer(kinds);
  }

  @Override
  public String toString() {
    return "AccumulatorTypeInfo" + Arrays.toString(kinds);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccumulatorTypeInfo other && Arrays.equals(kinds, other.kinds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(kinds);
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof AccumulatorTypeInfo;
  }
}
