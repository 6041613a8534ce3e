package dev.tollgate.engine.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.StateInitializationContext;

/**
 * The events a keyed operator instance holds until the watermark passes them, with their keys, in
 * {@link EventOrder} ({@code (ts, id)}) order. A watermark then hands them out in that order, key
 * by key in the order of each key's first due event.
 *
 * <p>One buffer per operator instance, not a list in each key's state with a drain timer per key:
 * buffering and draining an event costs an insertion into and a removal from a map in memory
 * rather than keyed-state reads and writes and a timer registered and fired — on RocksDB, six round
 * trips to the store per event. The events are kept in buckets by timestamp in a sorted map, so
 * finding an event's place compares timestamps only (bursts share a timestamp, and a heap ordered
 * by {@code (ts, id)} spent its time comparing ids); a bucket is put in id order once, when it is
 * drained. What the buffer holds is bounded by the input rate times the watermark's lag (the
 * out-of-orderness), as in any event-time operator.
 *
 * <p>Checkpointed as operator union list state named {@code stateName}: on restore every subtask
 * sees every buffered event and keeps those whose key belongs to its key groups, so a restore at a
 * different parallelism loses nothing.
 *
 * @param <K> the operator's key type
 */
public final class EventTimeBuffer<K> {
  private static final Comparator<Pending<?>> ORDER = (a, b) -> EventOrder.compare(a.event, b.event);

  private final String stateName;
  private final TypeSerializer<Event> eventSerializer;
  /** The buffered events by timestamp, each bucket in arrival order. */
  private final TreeMap<Long, List<Pending<K>>> byTime = new TreeMap<>();
  private int size;
  private ListState<Event> checkpointed;

  /** An event waiting for the watermark, with the key it arrived under. */
  private record Pending<K>(K key, Event event) {}

  public EventTimeBuffer(String stateName, TypeSerializer<Event> eventSerializer) {
    this.stateName = stateName;
    this.eventSerializer = eventSerializer;
  }

  /**
   * Registers the buffer's operator state and, on restore, takes back the events of this
   * subtask's key groups.
   *
   * @param keys the operator's key selector (to find a restored event's key)
   * @param task this subtask (its index, the parallelism and the maximum parallelism give its key groups)
   */
  public void initialize(StateInitializationContext context, KeySelector<Event, K> keys, TaskInfo task)
      throws Exception {
    int maxParallelism = task.getMaxNumberOfParallelSubtasks();
    KeyGroupRange keyGroups = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
        maxParallelism, task.getNumberOfParallelSubtasks(), task.getIndexOfThisSubtask());
    checkpointed = context.getOperatorStateStore()
        .getUnionListState(new ListStateDescriptor<>(stateName, eventSerializer));
    byTime.clear();
    size = 0;
    if (context.isRestored()) {
      for (Event event : checkpointed.get()) {
        K key = keys.getKey(event);
        if (keyGroups.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism))) {
          add(key, event);
        }
      }
    }
  }

  public void add(K key, Event event) {
    byTime.computeIfAbsent(event.ts(), ts -> new ArrayList<>(1)).add(new Pending<>(key, event));
    size++;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public int size() {
    return size;
  }

  /**
   * Removes the events with {@code ts <= watermark} and hands each key's to {@code apply} in one
   * call, in {@code (ts, id)} order; keys follow one another in the order of their first due event.
   * Returns how many events were handed out.
   */
  public int drain(long watermark, BiConsumer<K, List<Event>> apply) {
    if (size == 0 || byTime.firstKey() > watermark) {
      return 0;
    }
    // Most keys have one due event per watermark: a key's list starts as a singleton.
    LinkedHashMap<K, List<Event>> byKey = new LinkedHashMap<>();
    int count = 0;
    while (!byTime.isEmpty() && byTime.firstKey() <= watermark) {
      List<Pending<K>> bucket = byTime.pollFirstEntry().getValue();
      if (bucket.size() > 1) {
        bucket.sort(ORDER); // stable: equal ids keep arrival order
      }
      for (Pending<K> next : bucket) {
        byKey.computeIfAbsent(next.key, key -> new ArrayList<>(1)).add(next.event);
      }
      count += bucket.size();
    }
    size -= count;
    byKey.forEach(apply);
    return count;
  }

  /** Writes the buffered events to the operator state; call from the operator's {@code snapshotState}. */
  public void snapshot() throws Exception {
    List<Event> events = new ArrayList<>(size);
    for (List<Pending<K>> bucket : byTime.values()) {
      for (Pending<K> pending : bucket) {
        events.add(pending.event);
      }
    }
    checkpointed.update(events);
  }
}
