package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan.WindowPlan;
import java.time.Duration;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Flink's own event-time assigners for an aggregate's window. Tumbling and sliding windows use
 * offset 0, so they are aligned to the epoch ({@code [k × slide, k × slide + size)}, end
 * exclusive) and hourly windows start on the hour in UTC.
 */
final class WindowAssigners {
  private WindowAssigners() {}

  static WindowAssigner<Object, TimeWindow> of(WindowPlan window) {
    Duration size = Duration.ofMillis(window.sizeMillis());
    return switch (window.kind()) {
      case TUMBLING -> TumblingEventTimeWindows.of(size);
      case SLIDING -> SlidingEventTimeWindows.of(size, Duration.ofMillis(window.slideMillis()));
      case SESSION -> EventTimeSessionWindows.withGap(size);
    };
  }
}
