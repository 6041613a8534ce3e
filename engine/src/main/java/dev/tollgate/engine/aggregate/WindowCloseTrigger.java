package dev.tollgate.engine.aggregate;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Fires an aggregate window exactly once, when it closes: when event time (the watermark) passes
 * the window's end plus the allowed lateness. Until then events may still arrive for it; after it
 * the window's record is final, so each group gets one record per window and a consumer never sees
 * an update.
 *
 * <p><b>End of a finite input.</b> A bounded input ends with the watermark {@code Long.MAX_VALUE},
 * which would fire every open window. The end of the input is not the end of a window: a window
 * the input did not reach (its end is after the last watermark before the end) would report a
 * partial hour as if it were complete, so it is dropped without a record. A window the input did
 * reach but whose lateness had not yet passed is complete — nothing can arrive any more — and fires.
 * (The pipeline's admission operator sends the latest event's ts as its last watermark, so "reached"
 * means "at or before the latest event".)
 *
 * <p><b>Timers.</b> The window operator registers its own cleanup timer at end + lateness for
 * every window (Flink's allowed lateness) and calls the trigger when it fires; that timer is the
 * close, so without lateness this trigger adds no timer of its own: one timer per window. With
 * lateness {@code L > 0} the trigger adds a timer at the
 * window's end, which marks the window as reached (a boolean in trigger state) so the end of input
 * can tell reached windows from the others. Both are removed with the window.
 */
final class WindowCloseTrigger extends Trigger<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private static final ValueStateDescriptor<Boolean> REACHED = new ValueStateDescriptor<>("reached", Types.BOOLEAN);

  private final long lateness;

  /** @param lateness the window operator's allowed lateness in milliseconds, at least 0 */
  WindowCloseTrigger(long lateness) {
    if (lateness < 0) {
      throw new IllegalArgumentException("negative lateness " + lateness);
    }
    this.lateness = lateness;
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) throws Exception {
    if (lateness > 0) {
      watchForEnd(window, ctx);
    }
    return TriggerResult.CONTINUE;
  }

  /** Called for the operator's cleanup timer (the close) and, with lateness, the end timer. */
  @Override
  public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) throws Exception {
    boolean endOfInput = ctx.getCurrentWatermark() == Long.MAX_VALUE;
    if (lateness == 0) {
      // The only timer is the close at the end: in normal operation it fires the window; at the end
      // of input it is still pending only because the input never reached the window's end.
      return endOfInput ? TriggerResult.CONTINUE : TriggerResult.FIRE;
    }
    ValueState<Boolean> reached = ctx.getPartitionedState(REACHED);
    if (endOfInput) {
      return time != window.maxTimestamp() && reached.value() != null ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }
    if (time == window.maxTimestamp()) {
      reached.update(Boolean.TRUE);
      return TriggerResult.CONTINUE;
    }
    return TriggerResult.FIRE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  /** Session windows: the merged window is watched afresh; the merged-away ones are cleared. */
  @Override
  public void onMerge(TimeWindow window, OnMergeContext ctx) throws Exception {
    if (lateness > 0) {
      watchForEnd(window, ctx);
    }
  }

  @Override
  public void clear(TimeWindow window, TriggerContext ctx) throws Exception {
    if (lateness > 0) {
      ctx.deleteEventTimeTimer(window.maxTimestamp());
      ctx.getPartitionedState(REACHED).clear();
    }
  }

  /**
   * A window whose end event time has not reached gets a timer at its end; one it has already
   * reached (an event within the lateness created or extended it) is marked reached at once.
   */
  private void watchForEnd(TimeWindow window, TriggerContext ctx) throws Exception {
    if (window.maxTimestamp() > ctx.getCurrentWatermark()) {
      ctx.registerEventTimeTimer(window.maxTimestamp());
    } else {
      ctx.getPartitionedState(REACHED).update(Boolean.TRUE);
    }
  }

  @Override
  public String toString() {
    return "WindowCloseTrigger(lateness=" + lateness + "ms)";
  }
}
