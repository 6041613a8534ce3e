package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.AggregatePlan.WindowKind;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.eval.Condition;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.metrics.RuleMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Evaluates an aggregate's {@code spike} on each closed window of a group, keyed by group (the
 * window operator emits a group's windows in window order, so this function sees them in order).
 *
 * <p><b>Baseline.</b> {@code baseline(x, n)} is the mean of slot x over the group's previous n
 * windows. Windows without events count as zero once the group has been seen: tumbling and
 * sliding windows are aligned to the slide, so the windows skipped between two records are
 * computed and pushed as zeros. Before n windows of history exist, the mean is over the windows
 * since the group was first seen (gaps included); on a group's first window there is no history,
 * the baseline is null and so the spike cannot fire. For session windows the previous n windows
 * are the group's previous n sessions (there are no empty sessions to count).
 *
 * <p><b>State.</b> Per group one {@link BaselineHistory} (last window bounds and a ring of the
 * last n values of each slot a baseline reads) and one event-time timer at {@code last window end
 * + n × slide + lateness} (n × gap for sessions): by then every baseline would be over zeros only,
 * so the group is forgotten and its next window starts a fresh history. Windows close {@code
 * lateness} after their end, so the timer is shifted by as much. A spike without baselines keeps
 * no state.
 *
 * <p>A window fires once ({@link WindowCloseTrigger}); should a record arrive that is not after the
 * last one seen, it neither changes the history nor raises an alert.
 */
final class SpikeFunction extends KeyedProcessFunction<String, WindowRecord, Alert> {
  private static final long serialVersionUID = 1L;

  private final AggregatePlan plan;
  private final BaselineLayout layout;
  private final long slide;
  private final boolean fillsGaps;
  private final long lateness;
  private transient Condition condition;
  private transient SpikeContext context;
  private transient SpikeAlerts alerts;
  private transient ValueState<BaselineHistory> history;
  private transient RuleMetrics metrics;

  /** @param lateness the window operator's allowed lateness in milliseconds */
  SpikeFunction(AggregatePlan plan, long lateness) {
    this.plan = plan;
    this.lateness = lateness;
    this.layout = BaselineLayout.of(plan);
    AggregatePlan.WindowPlan window = plan.window();
    this.slide = switch (window.kind()) {
      case TUMBLING, SESSION -> window.sizeMillis();
      case SLIDING -> window.slideMillis();
    };
    this.fillsGaps = window.kind() != WindowKind.SESSION;
  }

  @Override
  public void open(OpenContext openContext) {
    condition = new ExpressionCompiler().compileCondition(plan.spike().condition());
    context = new SpikeContext(layout);
    alerts = new SpikeAlerts(plan);
    metrics = RuleMetrics.of(getRuntimeContext().getMetricGroup(), plan.id());
    history = getRuntimeContext().getState(
        new ValueStateDescriptor<>("baseline-history", BaselineHistorySerializer.INSTANCE));
  }

  @Override
  public void processElement(WindowRecord record, Context ctx, Collector<Alert> out) throws Exception {
    if (!layout.hasBaselines()) {
      evaluate(record, null, out);
      return;
    }
    BaselineHistory current = history.value();
    if (current == null) {
      current = new BaselineHistory(layout.columns(), layout.capacity());
    } else if (record.windowStart() <= current.lastWindowStart) {
      return;
    } else {
      ctx.timerService().deleteEventTimeTimer(cleanupTime(current));
      if (fillsGaps) {
        current.pushZeros((record.windowStart() - current.lastWindowStart) / slide - 1);
      }
    }
    evaluate(record, current, out);
    current.push(layout.row(record));
    current.lastWindowStart = record.windowStart();
    current.lastWindowEnd = record.windowEnd();
    history.update(current);
    ctx.timerService().registerEventTimeTimer(cleanupTime(current));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    BaselineHistory current = history.value();
    if (current != null && timestamp == cleanupTime(current)) {
      history.clear();
    }
  }

  private void evaluate(WindowRecord record, BaselineHistory current, Collector<Alert> out) {
    context.at(record, current);
    metrics.evaluated().inc();
    if (condition.test(context)) {
      metrics.alerts().inc();
      out.collect(alerts.alert(record, context));
    }
  }

  private long cleanupTime(BaselineHistory current) {
    return current.lastWindowEnd + layout.capacity() * slide + lateness;
  }
}
