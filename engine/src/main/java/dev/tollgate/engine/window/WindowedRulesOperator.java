package dev.tollgate.engine.window;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.eval.ConditionIndex;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventOrder;
import dev.tollgate.engine.event.EventSerializer;
import dev.tollgate.engine.event.EventTimeBuffer;
import dev.tollgate.engine.metrics.EvaluatedCounters;
import dev.tollgate.engine.metrics.RuleMetrics;
import dev.tollgate.engine.rules.MatchContext;
import dev.tollgate.engine.rules.RuleKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.FlinkRuntimeException;

/**
 * All windowed aggregate rules that share one key, in one keyed operator, so an event is keyed,
 * shuffled and buffered once however many rules read it. Apply it to {@code
 * events.filter(keys).keyBy(keys)} with {@code keys = RuleKeys.forRules(rules)}.
 *
 * <p>Results do not depend on arrival order: an event that passes some rule's {@code where} waits
 * in the operator's {@link EventTimeBuffer} and is applied when a watermark passes its {@code ts},
 * in {@code (ts, id)} order ({@link EventOrder}), before that watermark fires any timer. Events at
 * or behind the operator's watermark should have been rejected upstream (admission); if one
 * arrives anyway it is applied at the next watermark.
 *
 * <p>State:
 * <ul>
 *   <li>{@value #PENDING_STATE} (operator union list state): the buffered events, written at each
 *       checkpoint; a restore gives each subtask the events of its key groups;
 *   <li>{@code window/<ruleId>@<version>/...} (keyed): per rule, its window ({@link
 *       KeyedWindowStore}): a small summary (aggregates, suppression, the oldest and newest
 *       timestamps) read and written on every event, and the events in map state by timestamp, so
 *       an event reads and writes its own bytes and not the window's; a new rule version starts
 *       empty and rules never see each other's state;
 *   <li>{@value #CLEANUP_STATE} (keyed): the time of the key's one cleanup timer, at or before the
 *       time everything the key holds will have expired;
 *   <li>{@value #HELD_STATE} (keyed): which rules hold a window for the key, as bits by rule
 *       index; written when a rule starts or drops the key's window, not on every event.
 * </ul>
 * When that timer fires, the windows the key holds are expired, and cleared when empty; if some
 * are not, the timer is armed again for when they expire: a key that goes quiet leaves no state
 * and no timers behind.
 *
 * <p>Output: {@link Alert}s (type information: {@code AlertTypeInfo}), each with the time of the
 * event that fired it as the record timestamp.
 */
public final class WindowedRulesOperator extends AbstractStreamOperator<Alert>
    implements OneInputStreamOperator<Event, Alert>, Triggerable<String, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  public static final String PENDING_STATE = "windowed-pending-events";
  public static final String CLEANUP_STATE = "cleanup-at";
  public static final String HELD_STATE = "rules-holding-windows";

  private final List<RulePlan> rules;
  private final EventCatalog catalog;
  private final RuleKeys keys;

  private transient WindowedRuleEvaluator[] evaluators;
  private transient RuleMetrics[] metrics;
  private transient EvaluatedCounters evaluated;
  /** The rules whose {@code where} an event may pass. */
  private transient ConditionIndex index;
  private transient KeyedWindowStore[] windows;
  private transient EventTimeBuffer<String> pending;
  private transient ValueState<Long> cleanupAt;
  private transient ValueState<long[]> heldWindows;
  private transient RuleBits ruleBits;
  private transient InternalTimerService<VoidNamespace> timers;
  private transient TimestampedCollector<Alert> out;
  private transient MatchContext context;

  /**
   * @param rules enabled windowed rules with the same key fields
   */
  public WindowedRulesOperator(List<RulePlan> rules, EventCatalog catalog) {
    for (RulePlan rule : rules) {
      if (!(rule.body() instanceof RuleBody.Windowed) || rule.metadata().mode() == Mode.DISABLED) {
        throw new IllegalArgumentException(rule.id() + " is not an enabled windowed rule");
      }
    }
    this.rules = List.copyOf(rules);
    this.catalog = catalog;
    this.keys = RuleKeys.forRules(rules);
  }

  /** The key selector and filter to apply before this operator. */
  public RuleKeys keys() {
    return keys;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    pending = new EventTimeBuffer<>(PENDING_STATE, new EventSerializer(catalog));
    pending.initialize(context, keys, getRuntimeContext().getTaskInfo());
  }

  @Override
  public void open() throws Exception {
    super.open();
    ExpressionCompiler compiler = new ExpressionCompiler();
    EventSerializer eventSerializer = new EventSerializer(catalog);
    evaluators = new WindowedRuleEvaluator[rules.size()];
    windows = new KeyedWindowStore[rules.size()];
    metrics = new RuleMetrics[rules.size()];
    evaluated = new EvaluatedCounters();
    List<ConditionIndex.Entry> entries = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      RuleBody.Windowed body = (RuleBody.Windowed) rules.get(i).body();
      evaluators[i] = new WindowedRuleEvaluator(rules.get(i), compiler);
      metrics[i] = RuleMetrics.of(getRuntimeContext().getMetricGroup(), rules.get(i).id(),
          evaluated.forType(body.eventType()));
      windows[i] = new KeyedWindowStore(getRuntimeContext(), evaluators[i].stateName(), body.aggregates(), eventSerializer);
      entries.add(new ConditionIndex.Entry(i, body.eventType(), body.condition()));
    }
    index = new ConditionIndex(entries);
    cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>(CLEANUP_STATE, LongSerializer.INSTANCE));
    ruleBits = new RuleBits(Arrays.stream(evaluators).map(WindowedRuleEvaluator::stateName).toList());
    heldWindows = getRuntimeContext().getState(
        new ValueStateDescriptor<>(HELD_STATE, LongPrimitiveArraySerializer.INSTANCE));
    // The name KeyedProcessOperator gives its timers, which ran these rules before: cleanup timers
    // in savepoints of those builds restore into this service and still fire.
    timers = getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, this);
    out = new TimestampedCollector<>(output);
    context = new MatchContext();
  }

  @Override
  public void processElement(StreamRecord<Event> record) {
    Event event = record.getValue();
    if (anyRuleAccepts(event)) {
      pending.add((String) getCurrentKey(), event);
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    pending.drain(mark.getTimestamp(), this::applyAll);
    super.processWatermark(mark);
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    pending.snapshot();
  }

  @Override
  public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
    Long cleanup = cleanupAt.value();
    if (cleanup != null && cleanup <= timer.getTimestamp()) {
      cleanupAt.clear();
      expire(timer.getTimestamp());
    }
  }

  @Override
  public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {
    // Windowed rules run in event time only.
  }

  /** Applies one key's due events, in order. */
  private void applyAll(String key, List<Event> events) {
    setCurrentKey(key);
    for (Event event : events) {
      apply(event);
    }
  }

  /** Counts the event for the rules that read its type; whether any of them accepts it. */
  private boolean anyRuleAccepts(Event event) {
    if (!evaluated.count(event.typeId())) {
      return false;
    }
    for (int i : index.candidates(event)) {
      if (evaluators[i].accepts(event, context)) {
        return true;
      }
    }
    return false;
  }

  private void apply(Event event) {
    Object[] keyValues = null;
    long cleanup = Long.MIN_VALUE;
    // Rules that start a window for the key with this event.
    long[] started = null;
    // A key that holds a window has its cleanup timer armed (armed with the first window, re-armed
    // by expire while any is left), so only a key new to every rule reading the event needs the
    // cleanup-at read: on RocksDB one point lookup less per event.
    boolean timerArmed = false;
    for (int i : index.candidates(event)) {
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
        started = ruleBits.with(started, i);
      } else {
        timerArmed = true;
      }
      Alert alert = evaluator.onEvent(windows[i], window, event, keyValues, context);
      windows[i].update(window);
      if (alert != null) {
        metrics[i].alerts().inc();
        out.setAbsoluteTimestamp(event.ts());
        out.collect(alert);
      }
      cleanup = Math.max(cleanup, evaluator.cleanupTime(window));
    }
    if (started != null) {
      recordHeld(started, timerArmed);
    }
    if (!timerArmed) {
      scheduleCleanup(cleanup);
    }
  }

  /** Adds the rules that just started a window to the key's {@value #HELD_STATE}. */
  private void recordHeld(long[] started, boolean timerArmed) {
    try {
      long[] held = ruleBits.read(heldWindows.value());
      if (held == null && (timerArmed || cleanupAt.value() != null)) {
        // Windows held but not indexed for these rules: state restored from a savepoint taken
        // before the index existed or under another rule list.
        held = scanHeld();
      }
      heldWindows.update(ruleBits.union(held, started));
    } catch (IOException e) {
      throw new FlinkRuntimeException(e);
    }
  }

  /** The rules holding a window for the current key, found by reading every rule's state. */
  private long[] scanHeld() {
    long[] held = null;
    for (int i = 0; i < evaluators.length; i++) {
      if (windows[i].summary() != null) {
        held = ruleBits.with(held, i);
      }
    }
    return held;
  }

  /**
   * Expires the windows the key holds at {@code time}; clears what is empty, reschedules the
   * rest. Only the rules in {@value #HELD_STATE} are visited: with hundreds of rules on one key, a
   * key typically holds a window in a few of them, and reading every rule's state on each expiry
   * was half of such an operator's time.
   */
  private void expire(long time) throws IOException {
    long[] stored = ruleBits.read(heldWindows.value());
    long[] held = stored != null ? stored : scanHeld();
    long next = Long.MIN_VALUE;
    long[] remaining = held;
    for (int i = ruleBits.next(held, 0); i >= 0; i = ruleBits.next(held, i + 1)) {
      WindowSummary window = windows[i].summary();
      if (window != null && !evaluators[i].expire(windows[i], window, time)) {
        windows[i].update(window);
        next = Math.max(next, evaluators[i].cleanupTime(window));
      } else {
        if (window != null) {
          windows[i].clear();
        }
        remaining = ruleBits.without(remaining, i);
      }
    }
    if (remaining == null) {
      heldWindows.clear();
    } else if (remaining != stored) {
      heldWindows.update(remaining);
    }
    scheduleCleanup(next);
  }

  /**
   * Makes sure a cleanup timer is armed for the key, at {@code time} if none is. An armed timer is
   * never moved: when it fires, {@link #expire} clears what has expired and arms the next one at
   * the time the remaining windows expire. Moving it on every event would cost a timer deletion and
   * registration per event; letting it fire early costs one expiry pass per window length.
   */
  private void scheduleCleanup(long time) {
    try {
      if (time == Long.MIN_VALUE || cleanupAt.value() != null) {
        return;
      }
      timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
      cleanupAt.update(time);
    } catch (IOException e) {
      throw new FlinkRuntimeException(e);
    }
  }
}
