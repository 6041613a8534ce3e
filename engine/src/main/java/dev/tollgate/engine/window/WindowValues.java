package dev.tollgate.engine.window;

import dev.tollgate.engine.event.EventSerializer;
import dev.tollgate.engine.serde.ImmutableValueSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes one aggregate argument value (string, long, double, boolean or decimal, or null)
 * behind a one-byte tag, so the window's running aggregates and its {@code count_distinct} value
 * counts can be written without knowing the rule that produced them.
 */
public final class WindowValues extends ImmutableValueSerializer<Object> {
  private static final long serialVersionUID = 1L;

  public static final WindowValues INSTANCE = new WindowValues();

  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte LONG = 2;
  private static final byte DOUBLE = 3;
  private static final byte BOOLEAN = 4;
  private static final byte DECIMAL = 5;

  @Override
  public TypeSerializer<Object> duplicate() {
    return this;
  }

  @Override
  public void serialize(Object value, DataOutputView out) throws IOException {
    write(value, out);
  }

  @Override
  public Object deserialize(DataInputView in) throws IOException {
    return read(in);
  }

  static void write(Object value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof String s) {
      out.writeByte(STRING);
      StringValue.writeString(s, out);
    } else if (value instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (value instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else if (value instanceof BigDecimal d) {
      out.writeByte(DECIMAL);
      EventSerializer.writeDecimal(out, d);
    } else {
      throw new IOException("no encoding for aggregate value of " + value.getClass());
    }
  }

  static Object read(DataInputView in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case STRING -> StringValue.readString(in);
      case LONG -> in.readLong();
      case DOUBLE -> in.readDouble();
      case BOOLEAN -> in.readBoolean();
      case DECIMAL -> EventSerializer.readDecimal(in);
      default -> throw new IOException("unknown aggregate value tag " + tag);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowValues;
  }

  @Override
  public int hashCode() {
    return WindowValues.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<Object> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of the one (configuration-free) value serializer. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<Object> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
