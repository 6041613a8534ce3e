package dev.tollgate.engine.serde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Text written as its length and UTF-8 bytes in one block. For long text (encoded JSON lines) this
 * is one array copy each way, where Flink's {@code StringValue} format writes and reads every
 * character through a separate call; for short ids the two cost about the same.
 */
public final class Utf8Text {
  private static final int NULL = -1;

  private Utf8Text() {}

  /** Writes {@code text}, which may be null. */
  public static void write(DataOutputView out, String text) throws IOException {
    if (text == null) {
      out.writeInt(NULL);
      return;
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /** Reads what {@link #write} wrote, null included. */
  public static String read(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length == NULL) {
      return null;
    }
    byte[] utf8 = new byte[length];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
