package dev.tollgate.engine.pattern;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;

/**
 * A small map state kept as one value: every read is one lookup, every change one write. Flink
 * CEP's shared buffer iterates its {@code sharedBuffer-events-count} map (one entry per timestamp
 * whose events are still referenced) on every time advance, then asks whether it is empty and
 * clears it; on RocksDB each of those is an iterator seek over the key's range, which grows slow
 * with the tombstones of earlier entries and dominated the pattern operator in the key-scaling
 * benchmark. Iterators see a snapshot; their {@code remove} writes through.
 */
final class ValueBackedMapState<K, V> implements MapState<K, V> {
  private final ValueState<Map<K, V>> value;

  ValueBackedMapState(ValueState<Map<K, V>> value) {
    this.value = value;
  }

  /** The stored map, mutable: the map serializer reads into a {@code HashMap}, and only those are written. */
  private Map<K, V> read() throws Exception {
    Map<K, V> map = value.value();
    return map == null ? new HashMap<>() : map;
  }

  private void write(Map<K, V> map) throws Exception {
    if (map.isEmpty()) {
      value.clear();
    } else {
      value.update(map);
    }
  }

  @Override
  public V get(K key) throws Exception {
    Map<K, V> map = value.value();
    return map == null ? null : map.get(key);
  }

  @Override
  public void put(K key, V v) throws Exception {
    Map<K, V> map = read();
    map.put(key, v);
    write(map);
  }

  @Override
  public void putAll(Map<K, V> entries) throws Exception {
    Map<K, V> map = read();
    map.putAll(entries);
    write(map);
  }

  @Override
  public void remove(K key) throws Exception {
    Map<K, V> map = value.value();
    if (map != null && map.containsKey(key)) {
      map.remove(key);
      write(map);
    }
  }

  @Override
  public boolean contains(K key) throws Exception {
    Map<K, V> map = value.value();
    return map != null && map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<K, V>> entries() {
    return this::snapshot;
  }

  @Override
  public Iterable<K> keys() {
    return () -> snapshot().map(Map.Entry::getKey);
  }

  @Override
  public Iterable<V> values() {
    return () -> snapshot().map(Map.Entry::getValue);
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return snapshot();
  }

  @Override
  public boolean isEmpty() throws Exception {
    Map<K, V> map = value.value();
    return map == null || map.isEmpty();
  }

  @Override
  public void clear() {
    value.clear();
  }

  private Snapshot snapshot() {
    try {
      return new Snapshot(read());
    } catch (Exception e) {
      throw new IllegalStateException("reading " + value + " failed", e);
    }
  }

  /** Iterates a copy of the entries; {@code remove} removes from the state. */
  private final class Snapshot implements Iterator<Map.Entry<K, V>> {
    private final Iterator<Map.Entry<K, V>> entries;
    private Map.Entry<K, V> last;

    Snapshot(Map<K, V> map) {
      this.entries = new HashMap<>(map).entrySet().iterator();
    }

    @Override
    public boolean hasNext() {
      return entries.hasNext();
    }

    @Override
    public Map.Entry<K, V> next() {
      last = entries.next();
      return last;
    }

    @Override
    public void remove() {
      try {
        ValueBackedMapState.this.remove(last.getKey());
      } catch (Exception e) {
        throw new IllegalStateException("removing from " + value + " failed", e);
      }
    }

    <T> Iterator<T> map(Function<Map.Entry<K, V>, T> f) {
      Snapshot self = this;
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return self.hasNext();
        }

        @Override
        public T next() {
          return f.apply(self.next());
        }

        @Override
        public void remove() {
          self.remove();
        }
      };
    }
  }
}
