package dev.tollgate.engine.window;

import dev.tollgate.engine.event.EventSerializer;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Snapshot of a {@link RuleWindowSerializer}: its layout version plus the nested event schema. */
public final class RuleWindowSerializerSnapshot
    extends CompositeTypeSerializerSnapshot<RuleWindow, RuleWindowSerializer> {
  private static final int VERSION = 1;

  /** For Flink, which instantiates snapshots reflectively. */
  public RuleWindowSerializerSnapshot() {}

  RuleWindowSerializerSnapshot(RuleWindowSerializer serializer) {
    super(serializer);
  }

  @Override
  protected int getCurrentOuterSnapshotVersion() {
    return VERSION;
  }

  @Override
  protected TypeSerializer<?>[] getNestedSerializers(RuleWindowSerializer outer) {
    return new TypeSerializer<?>[] {outer.eventSerializer()};
  }

  @Override
  protected RuleWindowSerializer createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
    return new RuleWindowSerializer((EventSerializer) nested[0]);
  }
}
