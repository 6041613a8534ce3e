package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Completes the aggregated values of a closed window with the window bounds and the group values
 * (decoded from the key, so accumulators need not carry them). Fires only for windows that
 * received events, so records exist only for groups with events in the window.
 */
final class WindowRecordEmitter extends ProcessWindowFunction<WindowRecord, WindowRecord, String, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final GroupKey groupKey;

  WindowRecordEmitter(AggregatePlan plan) {
    this.groupKey = new GroupKey(plan.groupBy());
  }

  @Override
  public void process(String key, Context context, Iterable<WindowRecord> aggregated, Collector<WindowRecord> out) {
    TimeWindow window = context.window();
    for (WindowRecord values : aggregated) {
      out.collect(new WindowRecord(
          values.aggregateId(), window.getStart(), window.getEnd(), groupKey.decode(key), values.values()));
    }
  }
}
