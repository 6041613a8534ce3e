package dev.tollgate.engine.aggregate;

import dev.tollgate.engine.serde.MutableValueSerializer;
import dev.tollgate.engine.serde.TaggedValues;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes a group's {@link BaselineHistory}: last window bounds, shape (columns, capacity) and the
 * kept rows oldest first. The shape travels with the data, so the serializer has no configuration.
 */
public final class BaselineHistorySerializer extends MutableValueSerializer<BaselineHistory> {
  private static final long serialVersionUID = 1L;

  static final BaselineHistorySerializer INSTANCE = new BaselineHistorySerializer();

  @Override
  public BaselineHistory createInstance() {
    return new BaselineHistory(0, 0);
  }

  @Override
  public BaselineHistory copy(BaselineHistory from) {
    BaselineHistory copy = new BaselineHistory(from.columns(), from.capacity());
    copy.lastWindowStart = from.lastWindowStart;
    copy.lastWindowEnd = from.lastWindowEnd;
    for (int i = 0; i < from.size(); i++) {
      copy.push(from.row(i).clone());
    }
    return copy;
  }

  @Override
  public void serialize(BaselineHistory history, DataOutputView out) throws IOException {
    out.writeLong(history.lastWindowStart);
    out.writeLong(history.lastWindowEnd);
    out.writeInt(history.columns());
    out.writeInt(history.capacity());
    out.writeInt(history.size());
    for (int i = 0; i < history.size(); i++) {
      for (BigDecimal value : history.row(i)) {
        TaggedValues.writeDecimal(out, value);
      }
    }
  }

  @Override
  public BaselineHistory deserialize(DataInputView in) throws IOException {
    long start = in.readLong();
    long end = in.readLong();
    int columns = in.readInt();
    BaselineHistory history = new BaselineHistory(columns, in.readInt());
    history.lastWindowStart = start;
    history.lastWindowEnd = end;
    int size = in.readInt();
    for (int i = 0; i < size; i++) {
      BigDecimal[] row = new BigDecimal[columns];
      for (int c = 0; c < columns; c++) {
        row[c] = TaggedValues.readDecimal(in);
      }
      history.push(row);
    }
    return history;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BaselineHistorySerializer;
  }

  @Override
  public int hashCode() {
    return BaselineHistorySerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<BaselineHistory> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The serializer has no configuration; the snapshot only records its version. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<BaselineHistory> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
