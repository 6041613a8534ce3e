package dev.tollgate.engine.aggregate;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Records the slot kinds of a window accumulator in checkpoints. Restoring with different select
 * items (another kind, order or count) is incompatible: the stored accumulators could not be read
 * as the new ones, so the job must start that aggregate from empty state (a new version).
 */
public final class AccumulatorSerializerSnapshot implements TypeSerializerSnapshot<Accumulator> {
  private static final int VERSION = 1;

  private SlotKind[] kinds;

  /** For Flink, which instantiates snapshots reflectively before {@link #readSnapshot}. */
  public AccumulatorSerializerSnapshot() {}

  AccumulatorSerializerSnapshot(SlotKind[] kinds) {
    this.kinds = kinds.clone();
  }

  @Override
  public int getCurrentVersion() {
    return VERSION;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeInt(kinds.length);
    for (SlotKind kind : kinds) {
      out.writeUTF(kind.name());
    }
  }

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
    if (readVersion != VERSION) {
      throw new IOException("unknown accumulator snapshot version " + readVersion);
    }
    kinds = new SlotKind[in.readInt()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = SlotKind.valueOf(in.readUTF());
    }
  }

  @Override
  public TypeSerializer<Accumulator> restoreSerializer() {
    return new AccumulatorSerializer(kinds);
  }

  @Override
  public TypeSerializerSchemaCompatibility<Accumulator> resolveSchemaCompatibility(
      TypeSerializerSnapshot<Accumulator> oldSnapshot) {
    if (oldSnapshot instanceof AccumulatorSerializerSnapshot old && Arrays.equals(old.kinds, kinds)) {
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
    return TypeSerializerSchemaCompatibility.incompatible();
  }
}
