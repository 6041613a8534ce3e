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
 *   <li>{@value #KEY_STATE} (keyed, {@link KeyWindows}): the time of the key's one cleanup timer,
 *       at or before the time everything the key holds will have expired, and which rules hold a
 *       window for the key; read and written when a rule starts a window for the key and when the
 *       timer fires, not on every event.
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
  public static final String KEY_STATE = "key-windows";

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
  private transient ValueState<long[]> keyWindows;
  private transient KeyWindows keyWindowsLayout;
  /** Scratch for {@link #apply}: the rules that start a window with the event. */
  private transient int[] started;
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
    keyWindowsLayout = new KeyWindows(Arrays.stream(evaluators).map(WindowedRuleEvaluator::stateName).toList());
    keyWindows = getRuntimeContext().getState(new ValueStateDescriptor<>(KEY_STATE, LongPrimitiveArraySerializer.INSTANCE));
    started = new int[evaluators.length];
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
    long[] record = keyWindows.value();
    if (record != null && KeyWindows.cleanupAt(record) <= timer.getTimestamp()) {
      expire(record, timer.getTimestamp());
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
    // A key that holds a window has its record and its cleanup timer: only an event that starts a
    // rule's window for the key reads the record (on RocksDB, no point lookup for the others).
    int startedCount = 0;
    boolean held = false;
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
        started[startedCount++] = i;
      } else {
        held = true;
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
    if (startedCount > 0) {
      recordStarted(startedCount, held, cleanup);
    }
  }

  /**
   * Adds the rules that just started a window to the key's {@value #KEY_STATE}; for a key that
   * held no window, creates it and arms the key's cleanup timer.
   *
   * @param held whether some rule that took the event already held a window for the key
   */
  private void recordStarted(int startedCount, boolean held, long cleanup) {
    try {
      long[] record = keyWindows.value();
      if (record == null) {
        if (held) {
          // Windows without a record: state from a build that kept only a cleanup time.
          record = indexHeld(keyWindowsLayout.create(cleanup));
        } else {
          record = keyWindowsLayout.create(cleanup);
        }
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, cleanup);
      } else if (!keyWindowsLayout.indexed(record)) {
        record = indexHeld(record);
      }
      for (int s = 0; s < startedCount; s++) {
        record = keyWindowsLayout.with(record, started[s]);
      }
      keyWindows.update(record);
    } catch (IOException e) {
      throw new FlinkRuntimeException(e);
    }
  }

  /**
   * {@code record}'s cleanup time with the rules that hold a window for the current key, found by
   * reading every rule's summary: for records written under another rule list.
   */
  private long[] indexHeld(long[] record) {
    long[] indexed = keyWindowsLayout.create(KeyWindows.cleanupAt(record));
    for (int i = 0; i < evaluators.length; i++) {
      if (windows[i].summary() != null) {
        indexed = keyWindowsLayout.with(indexed, i);
      }
    }
    return indexed;
  }

  /**
   * Expires the windows the key holds at {@code time}; clears what is empty, and arms the timer
   * again for the rest. Only the rules in the key's {@value #KEY_STATE} are visited: with hundreds
   * of rules on one key, a key typically holds a window in a few of them, and reading every rule's
   * state on each expiry was half of such an operator's time.
   */
  private void expire(long[] stored, long time) throws IOException {
    long[] held = keyWindowsLayout.indexed(stored) ? stored : indexHeld(stored);
    long next = Long.MIN_VALUE;
    long[] remaining = held;
    for (int i = keyWindowsLayout.next(held, 0); i >= 0; i = keyWindowsLayout.next(held, i + 1)) {
      WindowSummary window = windows[i].summary();
      if (window != null && !evaluators[i].expire(windows[i], window, time)) {
        windows[i].update(window);
        next = Math.max(next, evaluators[i].cleanupTime(window));
      } else {
        if (window != null) {
          windows[i].clear();
        }
        remaining = keyWindowsLayout.without(remaining, i);
      }
    }
    if (!keyWindowsLayout.holdsAny(remaining)) {
      keyWindows.clear();
      return;
    }
    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, next);
    keyWindows.update(KeyWindows.withCleanupAt(remaining, next));
  }
}
