package dev.tollgate.engine.serde;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Binary form of single runtime values with a one-byte type tag, for state and records whose
 * value types vary (alert keys, group values, selected values, min/max, distinct sets). The tag
 * keeps the serializers independent of the plan, so they need no configuration in snapshots.
 */
public final class TaggedValues {
  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte LONG = 2;
  private static final byte DECIMAL = 3;
  private static final byte DOUBLE = 4;
  private static final byte BOOLEAN = 5;

  private TaggedValues() {}

  public static void write(DataOutputView out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof String s) {
      out.writeByte(STRING);
      StringValue.writeString(s, out);
    } else if (value instanceof Long n) {
      out.writeByte(LONG);
      out.writeLong(n);
    } else if (value instanceof BigDecimal d) {
      out.writeByte(DECIMAL);
      writeDecimal(out, d);
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (value instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else {
      throw new IOException("unsupported value " + value.getClass().getName());
    }
  }

  public static Object read(DataInputView in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case STRING -> StringValue.readString(in);
      case LONG -> in.readLong();
      case DECIMAL -> readDecimal(in);
      case DOUBLE -> in.readDouble();
      case BOOLEAN -> in.readBoolean();
      default -> throw new IOException("unknown value tag " + tag);
    };
  }

  public static void writeDecimal(DataOutputView out, BigDecimal d) throws IOException {
    out.writeInt(d.scale());
    byte[] bytes = d.unscaledValue().toByteArray();
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  public static BigDecimal readDecimal(DataInputView in) throws IOException {
    int scale = in.readInt();
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new BigDecimal(new BigInteger(bytes), scale);
  }
}
