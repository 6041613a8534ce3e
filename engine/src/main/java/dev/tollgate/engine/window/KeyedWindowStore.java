package dev.tollgate.engine.window;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregateSpec;
import dev.tollgate.engine.event.EventSerializer;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.util.FlinkRuntimeException;

/**
 * One rule's window in Flink keyed state, for the current key. Per rule, named after {@link
 * WindowedRuleEvaluator#stateName()} ({@code window/<ruleId>@<version>}):
 * <ul>
 *   <li>{@code .../summary}: {@code ValueState<WindowSummary>}, read and written on every event;
 *   <li>{@code .../events}: {@code MapState<Long, EventBucket>}, the window's events by timestamp;
 *   <li>{@code .../distinct-<i>}: {@code MapState<Object, Long>} for each {@code count_distinct}
 *       aggregate {@code i}: how many events in the window have each value.
 * </ul>
 * The maps empty themselves as events expire, so clearing the summary leaves nothing behind.
 */
final class KeyedWindowStore implements WindowStore {
  private final ValueState<WindowSummary> summary;
  private final MapState<Long, EventBucket> events;
  private final WindowAccumulator.ValueCounts[] counts;

  KeyedWindowStore(RuntimeContext runtime, String name, List<AggregateSpec> aggregates, EventSerializer eventSerializer) {
    summary = runtime.getState(new ValueStateDescriptor<>(name + "/summary", WindowSummarySerializer.INSTANCE));
    events = runtime.getMapState(new MapStateDescriptor<>(
        name + "/events", LongSerializer.INSTANCE, new EventBucketSerializer(eventSerializer)));
    counts = new WindowAccumulator.ValueCounts[aggregates.size()];
    for (int i = 0; i < counts.length; i++) {
      if (aggregates.get(i).function() == AggregateFunction.COUNT_DISTINCT) {
        counts[i] = new MapCounts(runtime.getMapState(new MapStateDescriptor<>(
            name + "/distinct-" + i, TaggedValueSerializer.INSTANCE, LongSerializer.INSTANCE)));
      }
    }
  }

  /** The key's summary, or null when the rule holds nothing for it. */
  WindowSummary summary() {
    try {
      return summary.value();
    } catch (Exception e) {
      throw new FlinkRuntimeException(e);
    }
  }

  void update(WindowSummary window) {
    try {
      summary.update(window);
    } catch (Exception e) {
      throw new FlinkRuntimeException(e);
    }
  }

  /** Forgets the key; its events and value counts are already gone with the events that expired. */
  void clear() {
    summary.clear();
  }

  @Override
  public EventBucket bucket(long time) {
    try {
      return events.get(time);
    } catch (Exception e) {
      throw new FlinkRuntimeException(e);
    }
  }

  @Override
  public void put(long time, EventBucket bucket) {
    try {
      events.put(time, bucket);
    } catch (Exception e) {
      throw new FlinkRuntimeException(e);
    }
  }

  @Override
  public void remove(long time) {
    try {
      events.remove(time);
    } catch (Exception e) {
      throw new FlinkRuntimeException(e);
    }
  }

  @Override
  public Iterable<Map.Entry<Long, EventBucket>> buckets() {
    try {
      return events.entries();
    } catch (Exception e) {
      throw new FlinkRuntimeException(e);
    }
  }

  @Override
  public WindowAccumulator.ValueCounts counts(int aggregate) {
    return counts[aggregate];
  }

  /** Value counts in map state: a point lookup and a write per value added or removed. */
  private record MapCounts(MapState<Object, Long> state) implements WindowAccumulator.ValueCounts {
    @Override
    public long add(Object value, long delta) {
      try {
        Long current = state.get(value);
        long count = (current == null ? 0 : current) + delta;
        if (count == 0) {
          state.remove(value);
        } else {
          state.put(value, count);
        }
        return count;
      } catch (Exception e) {
        throw new FlinkRuntimeException(e);
      }
    }
  }
}
