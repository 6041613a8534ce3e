package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import java.util.Arrays;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The second stage of a sliding aggregate ({@link SlidingPanes}): closed panes in, one record per
 * sliding window out, computed by add-and-evict rather than by merging every pane into every
 * window that covers it.
 *
 * <p><b>State per group.</b> The panes of the last emitted window and those not yet in a window
 * ({@code sliding-panes}, pane end → accumulator); the window's running values ({@code
 * sliding-running}, see {@link RunningWindow}: counts, sums, and for each {@code count_distinct} the
 * number of the window's panes holding each distinct value); and the progress ({@code
 * sliding-progress}: last emitted window end, latest watermark seen, held pane ends). When a window
 * closes, the panes that entered it are added to the running values and those that left it evicted,
 * so a window reads two panes rather than all of them and each distinct value is touched twice per
 * pane instead of once per window. Slots eviction cannot give exactly (min, max, double sums, rare
 * long overflow and decimal scale cases) are merged from the window's panes in pane order, so every
 * record is identical to counting the window's events directly.
 *
 * <p><b>Closing.</b> As with {@link WindowCloseTrigger}: a window {@code [end - size, end)} is
 * emitted once, when event time passes {@code end - 1 + lateness}, with {@code end - 1} as record
 * timestamp; only windows holding a pane are emitted. One window per group is scheduled at a time
 * (the next one holding a pane). At the end of a finite input (watermark {@code Long.MAX_VALUE}) a
 * window is emitted only if event time had reached its end; with lateness, a timer at the end records
 * that, as the trigger's does. A group whose panes have left every future window keeps no state and
 * no timer.
 */
final class SlidingWindowOperator extends AbstractStreamOperator<WindowRecord>
    implements OneInputStreamOperator<Tuple2<String, Accumulator>, WindowRecord>, Triggerable<String, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  /** Positions in the progress array; the held pane ends follow, ascending. */
  private static final int LAST_END = 0;
  private static final int REACHED = 1;
  private static final int FIRST_PANE = 2;
  private static final long NONE = Long.MIN_VALUE;

  private final String aggregateId;
  private final GroupKey groupKey;
  private final SlotKind[] kinds;
  private final RunningWindow window;
  private final long size;
  private final long slide;
  private final long lateness;

  private transient InternalTimerService<VoidNamespace> timers;
  private transient MapState<Long, Accumulator> panes;
  private transient ValueState<Accumulator> running;
  private transient ValueState<long[]> progress;
  private transient StreamRecord<WindowRecord> reuse;

  SlidingWindowOperator(AggregatePlan plan, SlotKind[] kinds, long lateness) {
    this.aggregateId = plan.id();
    this.groupKey = new GroupKey(plan.groupBy());
    this.kinds = kinds.clone();
    this.size = plan.window().sizeMillis();
    this.slide = plan.window().slideMillis();
    this.lateness = lateness;
    this.window = new RunningWindow(kinds, size / SlidingPanes.paneMillis(plan.window()));
  }

  @Override
  public void open() throws Exception {
    super.open();
    timers = getInternalTimerService("sliding-windows", VoidNamespaceSerializer.INSTANCE, this);
    panes = getPartitionedState(new MapStateDescriptor<>("sliding-panes", LongSerializer.INSTANCE, new AccumulatorSerializer(kinds)));
    running = getPartitionedState(new ValueStateDescriptor<>("sliding-running",
        new AccumulatorSerializer(window.runningKinds())));
    progress = getPartitionedState(new ValueStateDescriptor<>("sliding-progress", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    reuse = new StreamRecord<>(null);
  }

  /** A closed pane, stamped with its last millisecond. */
  @Override
  public void processElement(StreamRecord<Tuple2<String, Accumulator>> element) throws Exception {
    long paneEnd = element.getTimestamp() + 1;
    long[] state = progress.value();
    if (state == null) {
      state = new long[] {NONE, NONE};
    }
    long scheduled = nextEnd(state);
    observeWatermark(state);
    if (state[LAST_END] != NONE && paneEnd <= state[LAST_END] + slide - size) {
      return; // leaves every window not yet emitted: cannot happen, panes close before their windows
    }
    int held = Arrays.binarySearch(state, FIRST_PANE, state.length, paneEnd);
    if (held >= 0) {
      Accumulator pane = panes.get(paneEnd);
      panes.put(paneEnd, merged(pane, element.getValue().f1));
    } else {
      panes.put(paneEnd, element.getValue().f1);
      int at = -held - 1;
      long[] grown = new long[state.length + 1];
      System.arraycopy(state, 0, grown, 0, at);
      grown[at] = paneEnd;
      System.arraycopy(state, at, grown, at + 1, state.length - at);
      state = grown;
    }
    if (paneEnd <= state[LAST_END]) {
      // Within the last emitted window already (cannot happen either): part of the running state now.
      Accumulator values = runningState();
      window.add(values, element.getValue().f1, paneEnd);
      running.update(values);
    }
    progress.update(state);
    long next = nextEnd(state);
    if (next != scheduled) {
      unschedule(scheduled);
      schedule(next);
    }
  }

  @Override
  public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
    long[] state = progress.value();
    long end = state == null ? NONE : nextEnd(state);
    if (end == NONE) {
      return;
    }
    boolean endOfInput = timers.currentWatermark() == Long.MAX_VALUE;
    observeWatermark(state);
    if (timer.getTimestamp() != end - 1 + lateness) {
      progress.update(state); // the window's end (with lateness): only marks it reached
      return;
    }
    if (endOfInput && end - 1 > state[REACHED]) {
      clear(); // the input never reached this window, nor any later one
      return;
    }
    state = emit(end, state);
    long next = nextEnd(state);
    if (next == NONE) {
      clear(); // the panes still held lie in no later window
      return;
    }
    progress.update(state);
    schedule(next);
  }

  @Override
  public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {}

  /**
   * Closes the window ending at {@code end}: panes that left it are evicted from the running state
   * and dropped, panes that entered it are added, and the window's record is emitted.
   *
   * @return the progress after the window, without the dropped panes
   */
  private long[] emit(long end, long[] state) throws Exception {
    long lastEnd = state[LAST_END];
    long start = end - size;
    Accumulator values = runningState();
    int kept = FIRST_PANE;
    for (int i = FIRST_PANE; i < state.length; i++) {
      long paneEnd = state[i];
      if (paneEnd <= start) {
        if (paneEnd <= lastEnd) {
          window.evict(values, panes.get(paneEnd));
        }
        panes.remove(paneEnd);
        continue;
      }
      state[kept++] = paneEnd;
      if (paneEnd > lastEnd && paneEnd <= end) {
        window.add(values, panes.get(paneEnd), paneEnd);
      }
    }
    long[] after = Arrays.copyOf(state, kept);
    after[LAST_END] = end;
    Object[] results = new Object[kinds.length];
    boolean merge = false;
    for (int slot = 0; slot < kinds.length; slot++) {
      merge |= window.mergesFromPanes(values, slot, start);
    }
    Accumulator merged = merge ? mergedFromPanes(after, end, values, start) : null;
    for (int slot = 0; slot < kinds.length; slot++) {
      results[slot] = merged != null && window.mergesFromPanes(values, slot, start)
          ? kinds[slot].result(merged.states[slot])
          : window.result(values, slot);
    }
    if (merged != null) {
      rescale(after, end, values, merged, start);
    }
    running.update(values);
    reuse.replace(new WindowRecord(aggregateId, start, end, groupKey.decode((String) getCurrentKey()),
        Arrays.asList(results)), end - 1);
    output.collect(reuse);
    return after;
  }

  /** The slots the running state cannot give exactly, merged from the window's panes in pane order. */
  private Accumulator mergedFromPanes(long[] held, long end, Accumulator values, long start) throws Exception {
    Accumulator merged = Accumulator.create(kinds);
    for (int i = FIRST_PANE; i < held.length && held[i] <= end; i++) {
      Accumulator pane = panes.get(held[i]);
      for (int slot = 0; slot < kinds.length; slot++) {
        if (window.mergesFromPanes(values, slot, start)) {
          merged.states[slot] = kinds[slot].merge(merged.states[slot], pane.states[slot]);
        }
      }
    }
    return merged;
  }

  /** Decimal slots that were merged take the merged scale, and the latest pane holding it. */
  private void rescale(long[] held, long end, Accumulator values, Accumulator merged, long start) throws Exception {
    for (int slot = 0; slot < kinds.length; slot++) {
      if (!(merged.states[slot] instanceof RunningSum sum) || !window.mergesFromPanes(values, slot, start)) {
        continue;
      }
      long holder = Long.MIN_VALUE;
      for (int i = FIRST_PANE; i < held.length && held[i] <= end; i++) {
        java.math.BigDecimal total = ((RunningSum) panes.get(held[i]).states[slot]).decimalTotal;
        if (total.signum() != 0 && total.scale() == sum.decimalTotal.scale()) {
          holder = held[i];
        }
      }
      window.rescale(values, slot, sum, holder);
    }
  }

  /**
   * The end of the next window to emit: the earliest window after the last emitted one that holds a
   * pane, or {@link #NONE} if no held pane lies in a later window. A window {@code [end - size, end)}
   * holds the pane ending at {@code paneEnd} when {@code end - size < paneEnd <= end}.
   */
  private long nextEnd(long[] state) {
    long next = NONE;
    long after = state[LAST_END] == NONE ? NONE : state[LAST_END] + slide;
    for (int i = FIRST_PANE; i < state.length; i++) {
      long paneEnd = state[i];
      long first = Math.floorDiv(paneEnd - 1, slide) * slide + slide;
      long end = Math.max(first, after);
      if (end - size < paneEnd && (next == NONE || end < next)) {
        next = end;
      }
    }
    return next;
  }

  /** The close timer of the window ending at {@code end}, and with lateness its end timer. */
  private void schedule(long end) {
    if (end == NONE) {
      return;
    }
    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, end - 1 + lateness);
    if (lateness > 0 && end - 1 > timers.currentWatermark()) {
      timers.registerEventTimeTimer(VoidNamespace.INSTANCE, end - 1);
    }
  }

  private void unschedule(long end) {
    if (end == NONE) {
      return;
    }
    timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, end - 1 + lateness);
    if (lateness > 0) {
      timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, end - 1);
    }
  }

  /** Event time has reached the current watermark for this group (unless it is the end of input). */
  private void observeWatermark(long[] state) {
    long watermark = timers.currentWatermark();
    if (watermark != Long.MAX_VALUE && watermark > state[REACHED]) {
      state[REACHED] = watermark;
    }
  }

  private Accumulator runningState() throws Exception {
    Accumulator values = running.value();
    return values != null ? values : window.create();
  }

  /** Two accumulators of the same pane (cannot happen: a pane closes once), merged into a new one. */
  private Accumulator merged(Accumulator a, Accumulator b) {
    Accumulator merged = Accumulator.create(kinds);
    for (int slot = 0; slot < kinds.length; slot++) {
      merged.states[slot] = kinds[slot].merge(kinds[slot].merge(merged.states[slot], a.states[slot]), b.states[slot]);
    }
    return merged;
  }

  private void clear() {
    panes.clear();
    running.clear();
    progress.clear();
  }
}
