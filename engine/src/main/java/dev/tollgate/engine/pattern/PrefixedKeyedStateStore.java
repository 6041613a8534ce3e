package dev.tollgate.engine.pattern;

import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.state.AggregatingState;
import org.apache.flink.api.common.state.AggregatingStateDescriptor;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReducingState;
import org.apache.flink.api.common.state.ReducingStateDescriptor;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.MapSerializer;

/**
 * A {@link KeyedStateStore} that prefixes every state name, so that several rules can each own a
 * Flink CEP {@link org.apache.flink.cep.nfa.sharedbuffer.SharedBuffer} (whose state names are fixed
 * constants) and other per-rule state inside one operator without their state colliding.
 *
 * <p>Only value, list and map state are supported: that is all the shared buffer and the pattern
 * operator use. Descriptors must carry their serializers (not just type information), and TTL is not
 * carried over.
 */
final class PrefixedKeyedStateStore implements KeyedStateStore {
  private final KeyedStateStore delegate;
  private final String prefix;

  private final Set<String> valueBackedMaps;

  PrefixedKeyedStateStore(KeyedStateStore delegate, String prefix) {
    this(delegate, prefix, Set.of());
  }

  /**
   * @param valueBackedMaps names of map states to keep as one value each ({@link
   *     ValueBackedMapState}, stored under the name with {@code -as-value} appended): small maps
   *     that their user iterates often
   */
  PrefixedKeyedStateStore(KeyedStateStore delegate, String prefix, Set<String> valueBackedMaps) {
    this.delegate = delegate;
    this.prefix = prefix;
    this.valueBackedMaps = Set.copyOf(valueBackedMaps);
  }

  /** The name a state called {@code name} gets in the underlying store. */
  String nameOf(String name) {
    return prefix + name;
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return delegate.getState(new ValueStateDescriptor<>(renamed(descriptor), descriptor.getSerializer()));
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return delegate.getListState(
        new ListStateDescriptor<>(renamed(descriptor), descriptor.getElementSerializer()));
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    if (valueBackedMaps.contains(descriptor.getName())) {
      ValueState<Map<UK, UV>> value = delegate.getState(new ValueStateDescriptor<>(
          renamed(descriptor) + "-as-value",
          new MapSerializer<>(descriptor.getKeySerializer(), descriptor.getValueSerializer())));
      return new ValueBackedMapState<>(value);
    }
    return delegate.getMapState(
        new MapStateDescriptor<>(
            renamed(descriptor), descriptor.getKeySerializer(), descriptor.getValueSerializer()));
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    throw unsupported("reducing");
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    throw unsupported("aggregating");
  }

  @Override
  public <T> org.apache.flink.api.common.state.v2.ValueState<T> getValueState(
      org.apache.flink.api.common.state.v2.ValueStateDescriptor<T> descriptor) {
    throw unsupported("asynchronous value");
  }

  @Override
  public <T> org.apache.flink.api.common.state.v2.ListState<T> getListState(
      org.apache.flink.api.common.state.v2.ListStateDescriptor<T> descriptor) {
    throw unsupported("asynchronous list");
  }

  @Override
  public <UK, UV> org.apache.flink.api.common.state.v2.MapState<UK, UV> getMapState(
      org.apache.flink.api.common.state.v2.MapStateDescriptor<UK, UV> descriptor) {
    throw unsupported("asynchronous map");
  }

  @Override
  public <T> org.apache.flink.api.common.state.v2.ReducingState<T> getReducingState(
      org.apache.flink.api.common.state.v2.ReducingStateDescriptor<T> descriptor) {
    throw unsupported("asynchronous reducing");
  }

  @Override
  public <IN, ACC, OUT> org.apache.flink.api.common.state.v2.AggregatingState<IN, OUT> getAggregatingState(
      org.apache.flink.api.common.state.v2.AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    throw unsupported("asynchronous aggregating");
  }

  @Override
  public String getBackendTypeIdentifier() {
    return delegate.getBackendTypeIdentifier();
  }

  private String renamed(StateDescriptor<?, ?> descriptor) {
    if (!descriptor.isSerializerInitialized()) {
      throw new IllegalArgumentException(
          "state '" + descriptor.getName() + "' must be declared with a serializer");
    }
    return nameOf(descriptor.getName());
  }

  private static UnsupportedOperationException unsupported(String kind) {
    return new UnsupportedOperationException(kind + " state is not supported for pattern rules");
  }
}
