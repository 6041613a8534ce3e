package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.engine.event.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * What an aggregate keeps per group, in serialized bytes as a RocksDB state backend stores them
 * (key, namespace and value; the store's own per-entry overhead not included): for capacity
 * planning and the demand benchmark. A group holds, per open window, its accumulator and one
 * event-time timer (two and a flag with lateness); with a spike, one baseline history and one
 * timer. Measured with the same serializers the operators use, over events the caller supplies.
 *
 * @param groupKeyBytes the serialized group key (Flink's string serializer over {@link GroupKey})
 * @param accumulatorBytes one window's accumulator after the given events
 * @param openWindows windows a group with steady traffic has open at once: 1 for tumbling and
 *     session windows, size ÷ slide for sliding ones
 * @param baselineBytes the spike's full baseline history (0 without baselines)
 */
public record StateFootprint(int groupKeyBytes, int accumulatorBytes, int openWindows, int baselineBytes) {
  /** A time window as a state namespace: start and end. */
  private static final int WINDOW_NAMESPACE_BYTES = 16;
  private static final int TIMESTAMP_BYTES = 8;

  /**
   * @param events events of one group in one window, as the aggregate would count them (the
   *     aggregate's own filter is applied)
   */
  public static StateFootprint of(AggregatePlan plan, List<Event> events) {
    SelectAggregator aggregator = new SelectAggregator(plan);
    AggregateInput input = new AggregateInput(plan);
    GroupKey groupKey = new GroupKey(plan.groupBy());
    Accumulator accumulator = aggregator.createAccumulator();
    String key = "";
    for (Event event : events) {
      if (input.counts(event)) {
        aggregator.add(event, accumulator);
        key = groupKey.of(event);
      }
    }
    DataOutputSerializer out = new DataOutputSerializer(256);
    try {
      new AccumulatorSerializer(aggregator.kinds()).serialize(accumulator, out);
      int accumulatorBytes = out.length();
      out.clear();
      StringSerializer.INSTANCE.serialize(key, out);
      int keyBytes = out.length();
      return new StateFootprint(keyBytes, accumulatorBytes, openWindows(plan), baselineBytes(plan));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int openWindows(AggregatePlan plan) {
    AggregatePlan.WindowPlan window = plan.window();
    return window.kind() == AggregatePlan.WindowKind.SLIDING
        ? (int) ((window.sizeMillis() + window.slideMillis() - 1) / window.slideMillis())
        : 1;
  }

  /** A full ring of typical small decimals, as the spike function stores it. */
  private static int baselineBytes(AggregatePlan plan) throws IOException {
    if (plan.spike() == null) {
      return 0;
    }
    BaselineLayout layout = BaselineLayout.of(plan);
    if (!layout.hasBaselines()) {
      return 0;
    }
    BaselineHistory history = new BaselineHistory(layout.columns(), layout.capacity());
    for (int i = 0; i < layout.capacity(); i++) {
      BigDecimal[] row = new BigDecimal[layout.columns()];
      java.util.Arrays.fill(row, BigDecimal.valueOf(24));
      history.push(row);
    }
    DataOutputSerializer out = new DataOutputSerializer(256);
    BaselineHistorySerializer.INSTANCE.serialize(history, out);
    return out.length();
  }

  /**
   * Bytes per group with steady traffic: per open window the key, namespace and accumulator plus a
   * timer (key, namespace, timestamp); with a spike the key and baseline history plus a timer.
   */
  public long bytesPerGroup() {
    long perWindow = groupKeyBytes + WINDOW_NAMESPACE_BYTES + accumulatorBytes
        + groupKeyBytes + WINDOW_NAMESPACE_BYTES + TIMESTAMP_BYTES;
    long spike = baselineBytes == 0 ? 0 : groupKeyBytes + baselineBytes + groupKeyBytes + TIMESTAMP_BYTES;
    return openWindows * perWindow + spike;
  }
}
