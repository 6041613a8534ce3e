package dev.tollgate.engine.aggregate;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Type information for {@link WindowRecord} streams: records stay typed objects until the sink
 * and travel with {@link WindowRecordSerializer}, never Kryo.
 */
public final class WindowRecordTypeInfo extends TypeInformation<WindowRecord> {
  private static final long serialVersionUID = 1L;

  public static final WindowRecordTypeInfo INSTANCE = new WindowRecordTypeInfo();

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
  public Class<WindowRecord> getTypeClass() {
    return WindowRecord.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<WindowRecord> createSerializer(SerializerConfig config) {
    return WindowRecordSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "WindowRecordTypeInfo";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowRecordTypeInfo;
  }

  @Override
  public int hashCode() {
    return WindowRecordTypeInfo.class.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof WindowRecordTypeInfo;
  }
}
