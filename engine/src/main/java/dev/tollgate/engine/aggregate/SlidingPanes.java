package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan.WindowPlan;
import dev.tollgate.engine.event.Event;
import java.time.Duration;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Sliding windows in two stages, so an event updates one accumulator instead of one per window
 * that covers it (twelve for {@code sliding 1h every 5m}).
 *
 * <ol>
 *   <li><b>Panes.</b> Tumbling windows of the pane length (the greatest common divisor of size and
 *       slide, usually the slide) aggregate the events; each closed pane is emitted as (group key,
 *       accumulator) with the pane's last millisecond as timestamp.
 *   <li><b>Windows.</b> The panes, keyed by group again, go into {@link SlidingWindowOperator},
 *       which keeps per group the panes of the current window and emits each window's record as if
 *       it had counted the events directly (a pane lies wholly inside every window that covers it,
 *       and {@code count_distinct} keeps exact values), adding the panes that enter a window and
 *       evicting those that leave it.
 * </ol>
 *
 * Both stages close as {@link WindowCloseTrigger} does, with the same lateness. A pane is emitted while
 * the watermark that closes it is processed, before that watermark reaches the second stage, so a
 * pane always reaches its windows before they close, and the end-of-input rule carries over: a pane
 * or window the input did not reach is not emitted.
 */
final class SlidingPanes {
  private SlidingPanes() {}

  /** A closed pane: the group key and the pane's accumulator. */
  static TypeInformation<Tuple2<String, Accumulator>> paneType(SlotKind[] kinds) {
    return new TupleTypeInfo<>(Types.STRING, new AccumulatorTypeInfo(kinds));
  }

  /** Tumbling windows of the pane length: the greatest common divisor of size and slide. */
  static TumblingEventTimeWindows paneAssigner(WindowPlan window) {
    return TumblingEventTimeWindows.of(Duration.ofMillis(paneMillis(window)));
  }

  /** The pane length: the greatest common divisor of size and slide. */
  static long paneMillis(WindowPlan window) {
    return gcd(window.sizeMillis(), window.slideMillis());
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Stage 1: events into a pane's accumulator, which is the pane's result. */
  static final class PaneAggregator implements AggregateFunction<Event, Accumulator, Accumulator> {
    private static final long serialVersionUID = 1L;
    private final SelectAggregator select;

    PaneAggregator(SelectAggregator select) {
      this.select = select;
    }

    @Override
    public Accumulator createAccumulator() {
      return select.createAccumulator();
    }

    @Override
    public Accumulator add(Event event, Accumulator accumulator) {
      return select.add(event, accumulator);
    }

    @Override
    public Accumulator getResult(Accumulator accumulator) {
      return accumulator;
    }

    @Override
    public Accumulator merge(Accumulator a, Accumulator b) {
      return select.merge(a, b);
    }
  }

  /** Stage 1: a closed pane with its group key. */
  static final class PaneEmitter
      extends ProcessWindowFunction<Accumulator, Tuple2<String, Accumulator>, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String key, Context context, Iterable<Accumulator> panes, Collector<Tuple2<String, Accumulator>> out) {
      for (Accumulator pane : panes) {
        out.collect(Tuple2.of(key, pane));
      }
    }
  }

  /** Stage 2: partitions panes by their group, the key the first stage used. */
  static final class PaneKey implements KeySelector<Tuple2<String, Accumulator>, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(Tuple2<String, Accumulator> pane) {
      return pane.f0;
    }
  }
}
