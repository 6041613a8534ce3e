package dev.tollgate.engine.alert;

import dev.tollgate.engine.event.EventSerializer;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Snapshot of an {@link AlertSerializer}: its own layout version plus the nested event schema. */
public final class AlertSerializerSnapshot extends CompositeTypeSerializerSnapshot<Alert, AlertSerializer> {
  private static final int VERSION = 1;

  /** For Flink, which instantiates snapshots reflectively. */
  public AlertSerializerSnapshot() {}

  AlertSerializerSnapshot(AlertSerializer serializer) {
    super(serializer);
  }

  @Override
  protected int getCurrentOuterSnapshotVersion() {
    return VERSION;
  }

  @Override
  protected TypeSerializer<?>[] getNestedSerializers(AlertSerializer outer) {
    return new TypeSerializer<?>[] {outer.eventSerializer()};
  }

  @Override
  protected AlertSerializer createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
    return new AlertSerializer((EventSerializer) nested[0]);
  }
}
