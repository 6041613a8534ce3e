package dev.tollgate.engine.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Base of the engine's serializers for state values that operators change in place (window
 * summaries, aggregate accumulators, baseline histories): copies are deep, reads build a new value
 * rather than fill a reused one, the length varies, and the serializer itself holds no mutable
 * state, so it is its own duplicate. Subclasses copy, write and read the value and describe
 * themselves for snapshots.
 */
public abstract class MutableValueSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public final boolean isImmutableType() {
    return false;
  }

  @Override
  public final TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public final T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public final int getLength() {
    return -1;
  }

  @Override
  public final T deserialize(T reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public final void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }
}
