package dev.tollgate.engine.aggregate;

import dev.tollgate.engine.serde.ImmutableValueSerializer;
import dev.tollgate.engine.serde.TaggedValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink serializer for {@link WindowRecord}s travelling from the window operator to the spike
 * function and the sinks. Values carry a type tag, so one stateless serializer serves every
 * aggregate.
 */
public final class WindowRecordSerializer extends ImmutableValueSerializer<WindowRecord> {
  private static final long serialVersionUID = 1L;

  public static final WindowRecordSerializer INSTANCE = new WindowRecordSerializer();

  @Override
  public TypeSerializer<WindowRecord> duplicate() {
    return this;
  }

  @Override
  public void serialize(WindowRecord record, DataOutputView out) throws IOException {
    StringValue.writeString(record.aggregateId(), out);
    out.writeLong(record.windowStart());
    out.writeLong(record.windowEnd());
    writeValues(out, record.groupValues());
    writeValues(out, record.values());
  }

  @Override
  public WindowRecord deserialize(DataInputView in) throws IOException {
    String id = StringValue.readString(in);
    long start = in.readLong();
    long end = in.readLong();
    List<Object> group = readValues(in);
    List<Object> values = readValues(in);
    return new WindowRecord(id, start, end, group, values);
  }

  private static void writeValues(DataOutputView out, List<Object> values) throws IOException {
    out.writeInt(values.size());
    for (Object value : values) {
      TaggedValues.write(out, value);
    }
  }

  private static List<Object> readValues(DataInputView in) throws IOException {
    int size = in.readInt();
    List<Object> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(TaggedValues.read(in));
    }
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowRecordSerializer;
  }

  @Override
  public int hashCode() {
    return WindowRecordSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<WindowRecord> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The serializer has no configuration; the snapshot only records its version. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<WindowRecord> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
