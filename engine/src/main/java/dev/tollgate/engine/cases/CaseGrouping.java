package dev.tollgate.engine.cases;

import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.route.RoutedAlert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Groups routed alerts into cases, keyed by {@link CaseKeys}: one open case per category and
 * entity, open until {@code span} of event time has passed since its last alert. Emits each alert
 * with its case id, and the case's events ({@code opened}, {@code alert_added}, {@code
 * severity_raised}, {@code closed}) to a side output.
 *
 * <p>Alerts are placed in event-time order (then by alert id), not arrival order: an alert waits
 * in state until the watermark passes its event time, so whichever upstream operator delivered
 * first, the same input opens the same cases with the same ids. That costs the latency of the
 * watermark (the pipeline's out-of-orderness).
 *
 * <p>Timers: one per distinct pending event time ({@code eventTime + 1}, when the watermark has
 * passed it) and one to close the open case ({@code lastAlertAt + span + 1}). After a case closes
 * and nothing is pending, the key holds no state and no timers. The end of a finite input
 * (watermark {@code Long.MAX_VALUE}) places the pending alerts but closes no case whose span
 * reaches beyond the input: that it would have stayed quiet was never observed.
 */
public final class CaseGrouping extends KeyedProcessFunction<String, RoutedAlert, RoutedAlert> {
  private static final long serialVersionUID = 1L;

  private static final Comparator<RoutedAlert> EVENT_TIME_ORDER = Comparator
      .<RoutedAlert>comparingLong(routed -> routed.alert().eventTime())
      .thenComparing(routed -> routed.alert().alertId());

  private final long spanMillis;
  private final TypeInformation<RoutedAlert> alertType;
  private final OutputTag<CaseEvent> caseEvents;

  private transient ValueState<CaseState> open;
  private transient ListState<RoutedAlert> pending;

  /**
   * @param spanMillis how long a case stays open after its last alert, in event time
   * @param alertType type information of the pending alerts kept in state
   * @param caseEvents where case events go
   */
  public CaseGrouping(long spanMillis, TypeInformation<RoutedAlert> alertType, OutputTag<CaseEvent> caseEvents) {
    if (spanMillis <= 0) {
      throw new IllegalArgumentException("a case span must be positive, got " + spanMillis + "ms");
    }
    this.spanMillis = spanMillis;
    this.alertType = alertType;
    this.caseEvents = caseEvents;
  }

  @Override
  public void open(OpenContext openContext) {
    open = getRuntimeContext().getState(new ValueStateDescriptor<>("open-case", TypeInformation.of(CaseState.class)));
    pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending-alerts", alertType));
  }

  @Override
  public void processElement(RoutedAlert routed, Context ctx, Collector<RoutedAlert> out) throws Exception {
    pending.add(routed);
    ctx.timerService().registerEventTimeTimer(releaseTime(routed, ctx.timerService().currentWatermark()));
  }

  /** Once the watermark has passed the alert's event time (or, for a late alert, at the next one). */
  private static long releaseTime(RoutedAlert routed, long watermark) {
    return Math.max(routed.alert().eventTime(), watermark) + 1;
  }

  @Override
  public void onTimer(long time, OnTimerContext ctx, Collector<RoutedAlert> out) throws Exception {
    List<RoutedAlert> due = new ArrayList<>();
    List<RoutedAlert> waiting = new ArrayList<>();
    for (RoutedAlert routed : pending.get()) {
      (routed.alert().eventTime() < time ? due : waiting).add(routed);
    }
    if (!due.isEmpty()) {
      due.sort(EVENT_TIME_ORDER);
      for (RoutedAlert routed : due) {
        out.collect(routed.inCase(place(routed.alert(), ctx)));
      }
      pending.update(waiting);
    }
    CaseState state = open.value();
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    if (state != null && closesAt(state) < time && !endOfInput) {
      close(state, ctx);
    }
    // A deleted close timer may have been the release timer of a waiting alert too.
    long watermark = ctx.timerService().currentWatermark();
    for (RoutedAlert routed : waiting) {
      ctx.timerService().registerEventTimeTimer(releaseTime(routed, watermark));
    }
  }

  /** Adds the alert to its entity's open case, opening one if needed; returns the case id. */
  private String place(Alert alert, OnTimerContext ctx) throws Exception {
    CaseState state = open.value();
    if (state != null && alert.eventTime() > closesAt(state)) {
      close(state, ctx); // only at the end of input or for a late alert; normally its timer closed it
      state = null;
    }
    CaseState placed;
    if (state == null) {
      String caseId = CaseIds.of(ctx.getCurrentKey(), alert.alertId());
      placed = new CaseState(caseId, alert.category(), CaseEventJson.key(alert.key()), alert.eventTime(),
          alert.eventTime(), alert.severity(), 1, 1);
      emit(ctx, CaseEvent.Type.OPENED, placed, null, alert);
    } else {
      ctx.timerService().deleteEventTimeTimer(closesAt(state) + 1);
      Severity severity = alert.severity().compareTo(state.severity()) > 0 ? alert.severity() : state.severity();
      CaseState added = new CaseState(state.caseId(), state.category(), state.keyJson(), state.openedAt(),
          Math.max(state.lastAlertAt(), alert.eventTime()), state.severity(), state.alertCount() + 1,
          state.sequence() + 1);
      emit(ctx, CaseEvent.Type.ALERT_ADDED, added, null, alert);
      placed = added;
      if (severity != state.severity()) {
        placed = new CaseState(added.caseId(), added.category(), added.keyJson(), added.openedAt(),
            added.lastAlertAt(), severity, added.alertCount(), added.sequence() + 1);
        emit(ctx, CaseEvent.Type.SEVERITY_RAISED, placed, state.severity(), alert);
      }
    }
    open.update(placed);
    ctx.timerService().registerEventTimeTimer(closesAt(placed) + 1);
    return placed.caseId();
  }

  private void close(CaseState state, OnTimerContext ctx) {
    ctx.timerService().deleteEventTimeTimer(closesAt(state) + 1);
    CaseState closed = new CaseState(state.caseId(), state.category(), state.keyJson(), state.openedAt(),
        state.lastAlertAt(), state.severity(), state.alertCount(), state.sequence() + 1);
    ctx.output(caseEvents, event(CaseEvent.Type.CLOSED, closed, null, null, closesAt(state)));
    open.clear();
  }

  private void emit(OnTimerContext ctx, CaseEvent.Type type, CaseState state, Severity previous, Alert alert) {
    ctx.output(caseEvents, event(type, state, previous, alert, alert.eventTime()));
  }

  private CaseEvent event(CaseEvent.Type type, CaseState state, Severity previous, Alert alert, long eventTime) {
    return new CaseEvent(type, state.caseId(), state.sequence(), state.category(), state.keyJson(), state.severity(),
        previous, alert == null ? null : alert.alertId(), alert == null ? null : alert.ruleId(), state.alertCount(),
        state.openedAt(), state.lastAlertAt(), closesAt(state), eventTime);
  }

  private long closesAt(CaseState state) {
    return state.lastAlertAt() + spanMillis;
  }
}
