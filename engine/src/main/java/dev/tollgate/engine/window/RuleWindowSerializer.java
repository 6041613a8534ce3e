package dev.tollgate.engine.window;

import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventSerializer;
import java.io.IOException;
import java.util.ArrayDeque;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes a {@link RuleWindow} as its suppression time and its events; derived accumulators
 * are not written. {@link #copy} makes a real copy because the heap backend relies on it when a
 * snapshot shares a window that is about to change.
 */
public final class RuleWindowSerializer extends TypeSerializer<RuleWindow> {
  private static final long serialVersionUID = 1L;

  private final EventSerializer events;

  public RuleWindowSerializer(EventSerializer events) {
    this.events = events;
  }

  EventSerializer eventSerializer() {
    return events;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<RuleWindow> duplicate() {
    return this;
  }

  @Override
  public RuleWindow createInstance() {
    return new RuleWindow();
  }

  @Override
  public RuleWindow copy(RuleWindow from) {
    return from.copy();
  }

  @Override
  public RuleWindow copy(RuleWindow from, RuleWindow reuse) {
    return from.copy();
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(RuleWindow window, DataOutputView out) throws IOException {
    out.writeLong(window.suppressedUntil());
    out.writeInt(window.size());
    for (Event event : window.events()) {
      events.serialize(event, out);
    }
  }

  @Override
  public RuleWindow deserialize(DataInputView in) throws IOException {
    long suppressedUntil = in.readLong();
    int size = in.readInt();
    ArrayDeque<Event> deque = new ArrayDeque<>(Math.max(size, 4));
    for (int i = 0; i < size; i++) {
      deque.addLast(events.deserialize(in));
    }
    return new RuleWindow(deque, suppressedUntil);
  }

  @Override
  public RuleWindow deserialize(RuleWindow reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleWindowSerializer other && events.equals(other.events);
  }

  @Override
  public int hashCode() {
    return events.hashCode() * 31 + 3;
  }

  @Override
  public TypeSerializerSnapshot<RuleWindow> snapshotConfiguration() {
    return new RuleWindowSerializerSnapshot(this);
  }
}
