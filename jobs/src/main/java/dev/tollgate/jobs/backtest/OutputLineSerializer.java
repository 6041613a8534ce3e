package dev.tollgate.jobs.backtest;

import dev.tollgate.engine.serde.MutableValueSerializer;
import dev.tollgate.engine.serde.Utf8Text;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Output lines on their way to the client. Every text is written as one block of UTF-8 bytes
 * ({@link Utf8Text}): a backtest sends hundreds of megabytes of JSON through the collect sink, and
 * writing it a character at a time, as a POJO's string fields are, made the sink thread and the
 * client's reading two of the busiest threads of an aggregate backtest.
 */
public final class OutputLineSerializer extends MutableValueSerializer<OutputLine> {
  private static final long serialVersionUID = 1L;

  public static final OutputLineSerializer INSTANCE = new OutputLineSerializer();

  private static final OutputLine.Kind[] KINDS = OutputLine.Kind.values();
  private static final int NO_GROUP = -1;

  private OutputLineSerializer() {}

  @Override
  public OutputLine createInstance() {
    return new OutputLine();
  }

  @Override
  public OutputLine copy(OutputLine from) {
    OutputLine copy = new OutputLine(from.kind, from.source, from.order, from.tieBreak, from.json);
    copy.eventIds = from.eventIds;
    copy.group = from.group == null ? null : from.group.clone();
    copy.measure = from.measure;
    return copy;
  }

  @Override
  public void serialize(OutputLine line, DataOutputView out) throws IOException {
    out.writeByte(line.kind.ordinal());
    out.writeLong(line.order);
    Utf8Text.write(out, line.source);
    Utf8Text.write(out, line.tieBreak);
    Utf8Text.write(out, line.json);
    Utf8Text.write(out, line.eventIds);
    if (line.group == null) {
      out.writeInt(NO_GROUP);
    } else {
      out.writeInt(line.group.length);
      for (String value : line.group) {
        Utf8Text.write(out, value);
      }
    }
    Utf8Text.write(out, line.measure);
  }

  @Override
  public OutputLine deserialize(DataInputView in) throws IOException {
    OutputLine.Kind kind = KINDS[in.readByte()];
    long order = in.readLong();
    OutputLine line = new OutputLine(kind, Utf8Text.read(in), order, Utf8Text.read(in), Utf8Text.read(in));
    line.eventIds = Utf8Text.read(in);
    int groupSize = in.readInt();
    if (groupSize != NO_GROUP) {
      line.group = new String[groupSize];
      for (int i = 0; i < groupSize; i++) {
        line.group[i] = Utf8Text.read(in);
      }
    }
    line.measure = Utf8Text.read(in);
    return line;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputLineSerializer;
  }

  @Override
  public int hashCode() {
    return OutputLineSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<OutputLine> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The serializer has no configuration; the snapshot only records its version. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<OutputLine> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
