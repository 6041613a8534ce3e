package dev.tollgate.engine.aggregate;

import dev.tollgate.engine.serde.OpaqueTypeInfo;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Type information for {@link WindowRecord} streams: records stay typed objects until the sink
 * and travel with {@link WindowRecordSerializer}, never Kryo.
 */
public final class WindowRecordTypeInfo extends OpaqueTypeInfo<WindowRecord> {
  private static final long serialVersionUID = 1L;

  public static final WindowRecordTypeInfo INSTANCE = new WindowRecordTypeInfo();

  private WindowRecordTypeInfo() {
    super(WindowRecord.class);
  }

  @Override
  public TypeSerializer<WindowRecord> createSerializer(SerializerConfig config) {
    return WindowRecordSerializer.INSTANCE;
  }
}
