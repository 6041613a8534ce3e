package dev.tollgate.engine.event;

import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.serde.ImmutableValueSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink serializer for events, driven by the catalog so no type tags or names are written per
 * value. Layout: type id (varint), field count (varint), a null bitmap, then each non-null value
 * in its type's encoding. The field count lets a catalog that appends fields read events written
 * before (missing trailing fields read as null), which keeps savepoints across such changes.
 */
public final class EventSerializer extends ImmutableValueSerializer<Event> {
  private static final long serialVersionUID = 1L;

  private final EventCatalog catalog;

  public EventSerializer(EventCatalog catalog) {
    this.catalog = catalog;
  }

  public EventCatalog catalog() {
    return catalog;
  }

  @Override
  public TypeSerializer<Event> duplicate() {
    return this;
  }

  @Override
  public void serialize(Event event, DataOutputView out) throws IOException {
    int typeId = event.typeId();
    int count = event.fieldCount();
    ValueType[] types = catalog.fieldTypes(typeId);
    writeVarInt(out, typeId);
    writeVarInt(out, count);
    for (int base = 0; base < count; base += 8) {
      int bits = 0;
      for (int i = base; i < Math.min(base + 8, count); i++) {
        if (event.get(i) == null) {
          bits |= 1 << (i - base);
        }
      }
      out.writeByte(bits);
    }
    for (int i = 0; i < count; i++) {
      Object value = event.get(i);
      if (value != null) {
        writeValue(out, value, types[i]);
      }
    }
  }

  @Override
  public Event deserialize(DataInputView in) throws IOException {
    int typeId = readVarInt(in);
    int count = readVarInt(in);
    ValueType[] types = catalog.fieldTypes(typeId);
    if (count > types.length) {
      throw new IOException("event of type " + typeId + " with " + count + " fields; the catalog knows " + types.length);
    }
    byte[] nulls = new byte[(count + 7) >>> 3];
    in.readFully(nulls);
    Object[] values = new Object[types.length];
    for (int i = 0; i < count; i++) {
      if ((nulls[i >>> 3] & (1 << (i & 7))) == 0) {
        values[i] = readValue(in, types[i]);
      }
    }
    return new Event(typeId, values);
  }

  private static void writeValue(DataOutputView out, Object value, ValueType type) throws IOException {
    switch (type) {
      case STRING -> StringValue.writeString((String) value, out);
      case LONG, TIMESTAMP, DURATION -> out.writeLong((Long) value);
      case DOUBLE -> out.writeDouble((Double) value);
      case BOOLEAN -> out.writeBoolean((Boolean) value);
      case DECIMAL -> writeDecimal(out, (BigDecimal) value);
      default -> throw new IOException("no encoding for " + type);
    }
  }

  private static Object readValue(DataInputView in, ValueType type) throws IOException {
    return switch (type) {
      case STRING -> StringValue.readString(in);
      case LONG, TIMESTAMP, DURATION -> in.readLong();
      case DOUBLE -> in.readDouble();
      case BOOLEAN -> in.readBoolean();
      case DECIMAL -> readDecimal(in);
      default -> throw new IOException("no encoding for " + type);
    };
  }

  /** Scale, then the unscaled value: a long when it fits (the usual money amount), else bytes. */
  private static void writeDecimal(DataOutputView out, BigDecimal value) throws IOException {
    BigInteger unscaled = value.unscaledValue();
    out.writeInt(value.scale());
    if (unscaled.bitLength() < 64) {
      out.writeByte(0);
      out.writeLong(unscaled.longValue());
    } else {
      byte[] bytes = unscaled.toByteArray();
      out.writeByte(1);
      writeVarInt(out, bytes.length);
      out.write(bytes);
    }
  }

  private static BigDecimal readDecimal(DataInputView in) throws IOException {
    int scale = in.readInt();
    if (in.readByte() == 0) {
      return BigDecimal.valueOf(in.readLong(), scale);
    }
    byte[] bytes = new byte[readVarInt(in)];
    in.readFully(bytes);
    return new BigDecimal(new BigInteger(bytes), scale);
  }

  static void writeVarInt(DataOutputView out, int value) throws IOException {
    while ((value & ~0x7F) != 0) {
      out.writeByte((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.writeByte(value);
  }

  static int readVarInt(DataInputView in) throws IOException {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("malformed varint");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventSerializer other && catalog.equals(other.catalog);
  }

  @Override
  public int hashCode() {
    return catalog.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<Event> snapshotConfiguration() {
    return new EventSerializerSnapshot(catalog);
  }
}
