package dev.tollgate.engine.window;

import dev.tollgate.engine.serde.MutableValueSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes a {@link WindowSummary}; each accumulator writes its own kind, so the layout needs no
 * configuration. {@link #copy} makes a real copy because the heap backend relies on it when a
 * snapshot shares a summary that is about to change.
 */
public final class WindowSummarySerializer extends MutableValueSerializer<WindowSummary> {
  private static final long serialVersionUID = 1L;

  public static final WindowSummarySerializer INSTANCE = new WindowSummarySerializer();

  @Override
  public WindowSummary createInstance() {
    return new WindowSummary(new WindowAccumulator[0]);
  }

  @Override
  public WindowSummary copy(WindowSummary from) {
    return from.copy();
  }

  @Override
  public void serialize(WindowSummary summary, DataOutputView out) throws IOException {
    out.writeLong(summary.size);
    out.writeLong(summary.oldest);
    out.writeLong(summary.newest);
    out.writeLong(summary.suppressedUntil);
    out.writeInt(summary.accumulators.length);
    for (WindowAccumulator accumulator : summary.accumulators) {
      accumulator.write(out);
    }
  }

  @Override
  public WindowSummary deserialize(DataInputView in) throws IOException {
    long size = in.readLong();
    long oldest = in.readLong();
    long newest = in.readLong();
    long suppressedUntil = in.readLong();
    WindowAccumulator[] accumulators = new WindowAccumulator[in.readInt()];
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i] = WindowAccumulator.read(in);
    }
    WindowSummary summary = new WindowSummary(accumulators);
    summary.size = size;
    summary.oldest = oldest;
    summary.newest = newest;
    summary.suppressedUntil = suppressedUntil;
    return summary;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowSummarySerializer;
  }

  @Override
  public int hashCode() {
    return WindowSummarySerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<WindowSummary> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of the one (configuration-free) summary serializer. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<WindowSummary> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
