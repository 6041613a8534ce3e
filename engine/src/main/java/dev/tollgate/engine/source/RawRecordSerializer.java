package dev.tollgate.engine.source;

import dev.tollgate.engine.serde.ImmutableValueSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Raw records are handed from the source to admission unchanged, so between chained operators
 * they pass as they are instead of being copied field by field as a POJO would be.
 */
public final class RawRecordSerializer extends ImmutableValueSerializer<RawRecord> {
  private static final long serialVersionUID = 1L;

  public static final RawRecordSerializer INSTANCE = new RawRecordSerializer();

  /** Writes null as well as text, so every string member is written the same way. */
  private static final StringSerializer STRINGS = StringSerializer.INSTANCE;

  @Override
  public TypeSerializer<RawRecord> duplicate() {
    return this;
  }

  @Override
  public void serialize(RawRecord record, DataOutputView out) throws IOException {
    byte[] utf8 = record.utf8();
    out.writeBoolean(utf8 != null);
    if (utf8 != null) {
      out.writeInt(utf8.length);
      out.write(utf8);
    } else {
      STRINGS.serialize(record.text(), out);
    }
    STRINGS.serialize(record.source, out);
    out.writeInt(record.partition);
    out.writeLong(record.offset);
    STRINGS.serialize(record.eventType, out);
    out.writeLong(record.eventTimeBefore);
  }

  @Override
  public RawRecord deserialize(DataInputView in) throws IOException {
    byte[] utf8 = null;
    String text = null;
    if (in.readBoolean()) {
      utf8 = new byte[in.readInt()];
      in.readFully(utf8);
    } else {
      text = STRINGS.deserialize(in);
    }
    String source = STRINGS.deserialize(in);
    int partition = in.readInt();
    long offset = in.readLong();
    String eventType = STRINGS.deserialize(in);
    RawRecord record = utf8 != null
        ? RawRecord.ofBytes(utf8, source, partition, offset, eventType)
        : new RawRecord(text, source, partition, offset, eventType);
    record.eventTimeBefore = in.readLong();
    return record;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawRecordSerializer;
  }

  @Override
  public int hashCode() {
    return RawRecordSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<RawRecord> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The serializer has no configuration; the snapshot only records its version. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<RawRecord> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
