package dev.tollgate.engine.source;

import dev.tollgate.engine.serde.OpaqueTypeInfo;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information of {@link RawRecord}: one opaque value, never copied between chained operators. */
public final class RawRecordTypeInfo extends OpaqueTypeInfo<RawRecord> {
  private static final long serialVersionUID = 1L;

  public static final RawRecordTypeInfo INSTANCE = new RawRecordTypeInfo();

  private RawRecordTypeInfo() {
    super(RawRecord.class);
  }

  @Override
  public TypeSerializer<RawRecord> createSerializer(SerializerConfig config) {
    return RawRecordSerializer.INSTANCE;
  }
}
