package dev.tollgate.engine.window;

import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventSerializer;
import dev.tollgate.engine.serde.ImmutableValueSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Serializes an {@link EventBucket}: its two links, then its events. */
public final class EventBucketSerializer extends ImmutableValueSerializer<EventBucket> {
  private static final long serialVersionUID = 1L;

  private final EventSerializer events;

  public EventBucketSerializer(EventSerializer events) {
    this.events = events;
  }

  @Override
  public TypeSerializer<EventBucket> duplicate() {
    return this;
  }

  @Override
  public void serialize(EventBucket bucket, DataOutputView out) throws IOException {
    out.writeLong(bucket.previous());
    out.writeLong(bucket.next());
    out.writeInt(bucket.events().length);
    for (Event event : bucket.events()) {
      events.serialize(event, out);
    }
  }

  @Override
  public EventBucket deserialize(DataInputView in) throws IOException {
    long previous = in.readLong();
    long next = in.readLong();
    Event[] read = new Event[in.readInt()];
    for (int i = 0; i < read.length; i++) {
      read[i] = events.deserialize(in);
    }
    return new EventBucket(previous, next, read);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventBucketSerializer other && events.equals(other.events);
  }

  @Override
  public int hashCode() {
    return events.hashCode() * 31 + 5;
  }

  @Override
  public TypeSerializerSnapshot<EventBucket> snapshotConfiguration() {
    return new Snapshot(this);
  }

  /** Snapshot of an {@link EventBucketSerializer}: its layout version plus the nested event schema. */
  public static final class Snapshot extends CompositeTypeSerializerSnapshot<EventBucket, EventBucketSerializer> {
    private static final int VERSION = 1;

    /** For Flink, which instantiates snapshots reflectively. */
    public Snapshot() {}

    Snapshot(EventBucketSerializer serializer) {
      super(serializer);
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
      return VERSION;
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(EventBucketSerializer outer) {
      return new TypeSerializer<?>[] {outer.events};
    }

    @Override
    protected EventBucketSerializer createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
      return new EventBucketSerializer((EventSerializer) nested[0]);
    }
  }
}
