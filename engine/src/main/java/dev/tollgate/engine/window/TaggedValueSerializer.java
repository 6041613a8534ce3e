package dev.tollgate.engine.window;

import dev.tollgate.engine.serde.ImmutableValueSerializer;
import dev.tollgate.engine.serde.TaggedValues;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes one aggregate argument value in its {@link TaggedValues} form: the key of a {@code
 * count_distinct} aggregate's value counts, written without knowing the rule that produced it.
 */
public final class TaggedValueSerializer extends ImmutableValueSerializer<Object> {
  private static final long serialVersionUID = 1L;

  public static final TaggedValueSerializer INSTANCE = new TaggedValueSerializer();

  @Override
  public TypeSerializer<Object> duplicate() {
    return this;
  }

  @Override
  public void serialize(Object value, DataOutputView out) throws IOException {
    TaggedValues.write(out, value);
  }

  @Override
  public Object deserialize(DataInputView in) throws IOException {
    return TaggedValues.read(in);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaggedValueSerializer;
  }

  @Override
  public int hashCode() {
    return TaggedValueSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<Object> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of the one (configuration-free) value serializer. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<Object> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
