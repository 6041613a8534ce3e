package dev.tollgate.engine.window;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventOrder;
import dev.tollgate.engine.event.EventSerializer;
import dev.tollgate.engine.metrics.RuleMetrics;
import dev.tollgate.engine.rules.MatchContext;
import dev.tollgate.engine.rules.RuleKeys;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * All windowed aggregate rules that share one key, in one keyed operator, so an event is keyed,
 * shuffled and buffered once however many rules read it. Apply it to {@code
 * events.filter(keys).keyBy(keys)} with {@code keys = RuleKeys.forRules(rules)}.
 *
 * <p>Results do not depend on arrival order: an event that passes some rule's {@code where} is
 * buffered and applied only when the watermark passes its {@code ts}, in {@code (ts, id)} order
 * ({@link EventOrder}). Events at or behind the operator's watermark should have been rejected
 * upstream (admission); if one arrives anyway it is applied at the next watermark.
 *
 * <p>Keyed state, per key:
 * <ul>
 *   <li>{@value #PENDING_STATE}: the buffered events, one list in {@code (ts, id)} order, with one
 *       event-time timer at the earliest: when it fires, everything the watermark passed is applied
 *       and the timer is set again at the earliest event left;
 *   <li>{@code window/<ruleId>@<version>/...}: per rule, its window ({@link KeyedWindowStore}): a
 *       small summary (aggregates, suppression, the oldest and newest timestamps) read and written
 *       on every event, and the events in map state by timestamp, so an event reads and writes its
 *       own bytes and not the window's; a new rule version starts empty and rules never see each
 *       other's state;
 *   <li>{@value #CLEANUP_STATE}: the time of the key's one cleanup timer, at or before the time
 *       everything the key holds will have expired.
 * </ul>
 * When that timer fires, every window is expired, and cleared when empty; if some are not, the
 * timer is armed again for when they expire: a key that goes quiet leaves no state and no timers
 * behind.
 */
public final class WindowedRulesFunction extends KeyedProcessFunction<String, Event, Alert> {
  private static final long serialVersionUID = 1L;

  public static final String PENDING_STATE = "pending-events";
  public static final String CLEANUP_STATE = "cleanup-at";

  private final List<RulePlan> rules;
  private final EventCatalog catalog;
  private final RuleKeys keys;

  private transient WindowedRuleEvaluator[] evaluators;
  private transient RuleMetrics[] metrics;
  private transient KeyedWindowStore[] windows;
  private transient ValueState<List<Event>> pending;
  private transient ValueState<Long> cleanupAt;
  private transient MatchContext context;

  /**
   * @param rules enabled windowed rules with the same key fields (see {@link WindowedRuleGroups})
   */
  public WindowedRulesFunction(List<RulePlan> rules, EventCatalog catalog) {
    for (RulePlan rule : rules) {
      if (!(rule.body() instanceof RuleBody.Windowed) || rule.metadata().mode() == Mode.DISABLED) {
        throw new IllegalArgumentException(rule.id() + " is not an enabled windowed rule");
      }
    }
    this.rules = List.copyOf(rules);
    this.catalog = catalog;
    this.keys = RuleKeys.forRules(rules);
  }

  /** The key selector and filter to apply before this function. */
  public RuleKeys keys() {
    return keys;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(OpenContext openContext) {
    ExpressionCompiler compiler = new ExpressionCompiler();
    EventSerializer eventSerializer = new EventSerializer(catalog);
    evaluators = new WindowedRuleEvaluator[rules.size()];
    windows = new KeyedWindowStore[rules.size()];
    metrics = new RuleMetrics[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      evaluators[i] = new WindowedRuleEvaluator(rules.get(i), compiler);
      metrics[i] = RuleMetrics.of(getRuntimeContext().getMetricGroup(), rules.get(i).id());
      windows[i] = new KeyedWindowStore(getRuntimeContext(), evaluators[i].stateName(),
          ((RuleBody.Windowed) rules.get(i).body()).aggregates(), eventSerializer);
    }
    pending = getRuntimeContext().getState(new ValueStateDescriptor<>(
        PENDING_STATE, new ListSerializer<>(eventSerializer)));
    cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>(CLEANUP_STATE, LongSerializer.INSTANCE));
    context = new MatchContext();
  }

  @Override
  public void processElement(Event event, Context ctx, Collector<Alert> out) throws Exception {
    if (!anyRuleAccepts(event)) {
      return;
    }
    List<Event> buffered = pending.value();
    if (buffered == null) {
      buffered = new ArrayList<>(2);
    }
    if (buffered.isEmpty() || event.ts() < buffered.get(0).ts()) {
      // The drain timer sits at the earliest buffered ts. One at a later ts is left to fire and
      // find nothing due: deleting it could delete the cleanup timer at the same time.
      ctx.timerService().registerEventTimeTimer(event.ts());
    }
    EventOrder.insert(buffered, event);
    pending.update(buffered);
  }

  @Override
  public void onTimer(long time, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    drain(ctx, out);
    Long cleanup = cleanupAt.value();
    if (cleanup != null && cleanup <= time) {
      cleanupAt.clear();
      expire(time, ctx);
    }
  }

  /** Applies the buffered events the watermark has passed, in order; re-arms the drain timer. */
  private void drain(OnTimerContext ctx, Collector<Alert> out) throws Exception {
    List<Event> buffered = pending.value();
    int due = EventOrder.countAtOrBefore(buffered, ctx.timerService().currentWatermark());
    if (due == 0) {
      return;
    }
    for (int i = 0; i < due; i++) {
      apply(buffered.get(i), ctx, out);
    }
    if (due == buffered.size()) {
      pending.clear();
    } else {
      List<Event> left = new ArrayList<>(buffered.subList(due, buffered.size()));
      pending.update(left);
      ctx.timerService().registerEventTimeTimer(left.get(0).ts());
    }
  }

  /** Counts the event for every rule that reads its type; whether any of them accepts it. */
  private boolean anyRuleAccepts(Event event) {
    boolean accepted = false;
    for (int i = 0; i < evaluators.length; i++) {
      if (evaluators[i].reads(event)) {
        metrics[i].evaluated().inc();
        accepted |= evaluators[i].accepts(event, context);
      }
    }
    return accepted;
  }

  private void apply(Event event, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    Object[] keyValues = null;
    long cleanup = Long.MIN_VALUE;
    for (int i = 0; i < evaluators.length; i++) {
      WindowedRuleEvaluator evaluator = evaluators[i];
      if (!evaluator.accepts(event, context)) {
        continue;
      }
      if (keyValues == null) {
        keyValues = keys.values(event);
      }
      WindowSummary window = windows[i].summary();
      if (window == null) {
        window = evaluator.emptyWindow();
      }
      Alert alert = evaluator.onEvent(windows[i], window, event, keyValues, context);
      windows[i].update(window);
      if (alert != null) {
        metrics[i].alerts().inc();
        out.collect(alert);
      }
      cleanup = Math.max(cleanup, evaluator.cleanupTime(window));
    }
    scheduleCleanup(cleanup, ctx);
  }

  /** Expires every rule's window at {@code time}; clears what is empty, reschedules the rest. */
  private void expire(long time, OnTimerContext ctx) throws Exception {
    long next = Long.MIN_VALUE;
    for (int i = 0; i < evaluators.length; i++) {
      WindowSummary window = windows[i].summary();
      if (window == null) {
        continue;
      }
      if (evaluators[i].expire(windows[i], window, time)) {
        windows[i].clear();
      } else {
        windows[i].update(window);
        next = Math.max(next, evaluators[i].cleanupTime(window));
      }
    }
    scheduleCleanup(next, ctx);
  }

  /**
   * Makes sure a cleanup timer is armed for the key, at {@code time} if none is. An armed timer is
   * never moved: when it fires, {@link #expire} clears what has expired and arms the next one at
   * the time the remaining windows expire. Moving it on every event would cost a timer deletion and
   * registration per event; letting it fire early costs one expiry pass per window length.
   */
  private void scheduleCleanup(long time, OnTimerContext ctx) throws Exception {
    if (time == Long.MIN_VALUE || cleanupAt.value() != null) {
      return;
    }
    ctx.timerService().registerEventTimeTimer(time);
    cleanupAt.update(time);
  }
}
