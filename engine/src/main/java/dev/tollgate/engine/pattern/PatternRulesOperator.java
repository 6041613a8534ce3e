package dev.tollgate.engine.pattern;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.eval.ConditionIndex;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventSerializer;
import dev.tollgate.engine.event.EventTimeBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.common.typeutils.base.array.StringArraySerializer;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.cep.configuration.SharedBufferCacheConfig;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
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
 * One keyed operator that runs many pattern rules sharing a key signature, each on its own Flink
 * CEP NFA (the per-rule NFA approach of FLIP-200's dynamic CEP operator, with a fixed rule set).
 *
 * <p><b>Input and time.</b> Events arrive keyed by the rules' key and are processed in event time
 * (an event's time is its {@code ts}, which the pipeline also makes the record's timestamp), as
 * Flink's {@code CepOperator} does: an event waits in the operator's {@link EventTimeBuffer} until a
 * watermark passes it; then, before that watermark fires any timer, each key's due events are fed to
 * every rule that reads their type in {@code (ts, id)} order, so events with the same timestamp give
 * the same matches whatever order they arrived in; each rule's time advances to an event's
 * timestamp before it, then to the watermark. Late events (at or below the
 * watermark) are filtered upstream; should one arrive anyway it is counted in the {@code
 * numLateRecordsDropped} metric and ignored.
 *
 * <p><b>State</b>: {@code pattern-pending-events} (operator union list state) holds the events
 * waiting for the watermark, written at each checkpoint (one copy per event, shared by the rules);
 * the rest is keyed: {@code pattern-active-rules} names the rules
 * with something in progress for the key, so an event that cannot begin a match skips the others
 * without touching their state. Each rule's state lives under names prefixed with {@code
 * <ruleId>@<version>/}: {@code nfa-state}, the shared buffer's three maps, {@code wake-up}, {@code
 * suppressed-until} and {@code pending-deadlines} (see {@link PatternRuleRunner}). Timers live in
 * one timer service, namespaced by the rule's {@code id@version}; a timer advances that rule.
 * Everything is removed once partial matches expire, deadlines pass and quiet periods end.
 *
 * <p><b>End of input is not evidence of absence.</b> A bounded input ends with the watermark {@code
 * Long.MAX_VALUE}, which fires every timer. The operator recognises it (timers firing while {@code
 * currentWatermark() == Long.MAX_VALUE}) and then concludes an absence only if its deadline lies at
 * or before the latest time the input provably reached ({@link EventTimeReached}: the larger of the
 * last watermark before the end and the latest event timestamp received, kept across restores).
 * Matches completed by real events still fire, and all state is still cleaned up.
 *
 * <p>Output: {@link Alert}s (type information: {@code AlertTypeInfo}), each with its event time as
 * the record timestamp.
 */
public final class PatternRulesOperator extends AbstractStreamOperator<Alert>
    implements OneInputStreamOperator<Event, Alert>, Triggerable<Object, String> {
  private static final long serialVersionUID = 1L;

  private static final int[] NO_RUNNERS = new int[0];

  /** Operator state: the events waiting for the watermark. */
  static final String PENDING_EVENTS = "pattern-pending-events";

  /** Keyed state: the state ids of the rules with something in progress for the key. */
  static final String ACTIVE_RULES = "pattern-active-rules";

  private final List<RulePlan> rules;
  private final TypeSerializer<Event> eventSerializer;

  private transient EventTimeBuffer<Object> pending;
  /** The latest watermark this operator received; the time rules advance to when it drains. */
  private transient long watermark;
  private transient ValueState<String[]> activeRules;
  private transient Map<String, PatternRuleRunner> runnersByStateId;
  /** The runners in a fixed order; a runner's index is its position here. */
  private transient PatternRuleRunner[] runners;
  /** By event type id: the indexes of the runners that read the type (empty when none). */
  private transient int[][] runnersByEventType;
  /**
   * The runners whose first step an event may satisfy, by the constants their first step's
   * condition requires: an idle rule is tested only if the event is among its candidates.
   */
  private transient ConditionIndex startIndex;
  /** Scratch for {@link #feed}: the current event's {@link #startIndex} candidates. */
  private transient boolean[] startable;
  /** Scratch for {@link #drain}: which runners have something in progress for the key, which ran. */
  private transient boolean[] active;
  private transient boolean[] touched;
  private transient int[] touchedOrder;
  private transient Map<PatternRule, PatternAlerts> alerts;
  private transient InternalTimerService<String> timers;
  private transient TimestampedCollector<Alert> collector;
  private transient Runtime runtime;
  private transient Counter lateRecords;
  private transient EventTimeReached timeReached;

  /**
   * @param rules pattern rules that share one key signature; disabled rules are skipped
   * @param eventSerializer serializer for buffered and matched events
   * @throws IllegalArgumentException if a rule is not a pattern rule, two rules share an id, or a
   *     pattern cannot run on Flink CEP (checked here, so a bad rule fails when the job is built)
   */
  public PatternRulesOperator(List<RulePlan> rules, TypeSerializer<Event> eventSerializer) {
    Set<String> ids = new LinkedHashSet<>();
    List<RulePlan> enabled = new ArrayList<>();
    for (RulePlan rule : rules) {
      if (!(rule.body() instanceof RuleBody.Pattern)) {
        throw new IllegalArgumentException("rule " + rule.id() + " is not a pattern rule");
      }
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException("rule " + rule.id() + " appears twice");
      }
      if (rule.metadata().mode() != Mode.DISABLED) {
        try {
          PatternTranslator.translate((RuleBody.Pattern) rule.body(), rule.key());
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "rule " + rule.id() + " (" + rule.location() + "): " + e.getMessage(), e);
        }
        enabled.add(rule);
      }
    }
    this.rules = List.copyOf(enabled);
    this.eventSerializer = eventSerializer;
  }

  /**
   * Runs {@code rules}, which share one key signature, on events keyed by that signature: the
   * usual way a job adds its pattern rules. The caller names the operator's uid if it needs stable
   * savepoints.
   *
   * @return the alerts, typed with {@link AlertTypeInfo} over {@code catalog}
   */
  public static SingleOutputStreamOperator<Alert> attach(
      KeyedStream<Event, ?> keyedEvents, List<RulePlan> rules, EventCatalog catalog) {
    PatternRulesOperator operator = new PatternRulesOperator(rules, new EventSerializer(catalog));
    String ids = String.join(", ", rules.stream().map(RulePlan::id).toList());
    return keyedEvents.transform("pattern rules: " + ids, new AlertTypeInfo(catalog), operator);
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    timeReached = new EventTimeReached();
    timeReached.initialize(context.getOperatorStateStore());
    watermark = Long.MIN_VALUE;
    pending = new EventTimeBuffer<>(PENDING_EVENTS, eventSerializer);
    @SuppressWarnings("unchecked")
    KeySelector<Event, Object> keys = (KeySelector<Event, Object>) getStateKeySelector1();
    pending.initialize(context, keys, getRuntimeContext().getTaskInfo());
    activeRules =
        context
            .getKeyedStateStore()
            .getState(new ValueStateDescriptor<>(ACTIVE_RULES, StringArraySerializer.INSTANCE));
    SharedBufferCacheConfig cacheConfig = SharedBufferCacheConfig.of(getOperatorConfig().getConfiguration());
    runnersByStateId = new LinkedHashMap<>();
    runners = new PatternRuleRunner[rules.size()];
    alerts = new HashMap<>();
    Map<Integer, List<Integer>> byType = new HashMap<>();
    List<ConditionIndex.Entry> starts = new ArrayList<>();
    ExpressionCompiler compiler = new ExpressionCompiler();
    for (RulePlan plan : rules) {
      PatternRule rule = PatternRule.compile(plan, compiler);
      int index = runnersByStateId.size();
      PatternRuleRunner runner =
          new PatternRuleRunner(
              rule, index, context.getKeyedStateStore(), eventSerializer, cacheConfig, this::currentProcessingTime);
      runnersByStateId.put(rule.stateId(), runner);
      runners[index] = runner;
      for (int type : rule.eventTypes) {
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(index);
      }
      starts.addAll(rule.startEntries(index));
      alerts.put(rule, new PatternAlerts(rule, compiler));
    }
    int maxType = byType.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    runnersByEventType = new int[maxType + 1][];
    for (int type = 0; type <= maxType; type++) {
      List<Integer> indexes = byType.getOrDefault(type, List.of());
      runnersByEventType[type] = indexes.stream().mapToInt(Integer::intValue).toArray();
    }
    startIndex = new ConditionIndex(starts);
    startable = new boolean[runners.length];
    active = new boolean[runners.length];
    touched = new boolean[runners.length];
    touchedOrder = new int[runners.length];
  }

  @Override
  public void open() throws Exception {
    super.open();
    timers = getInternalTimerService("pattern-rule-timers", StringSerializer.INSTANCE, this);
    for (PatternRuleRunner runner : runnersByStateId.values()) {
      runner.open(getRuntimeContext());
    }
    collector = new TimestampedCollector<>(output);
    runtime = new Runtime();
    lateRecords = metrics.counter("numLateRecordsDropped");
  }

  @Override
  public void close() throws Exception {
    super.close();
    if (runnersByStateId != null) {
      for (PatternRuleRunner runner : runnersByStateId.values()) {
        runner.close();
      }
    }
  }

  @Override
  public void processElement(StreamRecord<Event> record) throws Exception {
    Event event = record.getValue();
    long timestamp = event.ts();
    timeReached.observeEvent(timestamp);
    if (runnersOf(event).length == 0) {
      return;
    }
    if (timestamp <= watermark) {
      lateRecords.inc();
      return;
    }
    pending.add(getCurrentKey(), event);
  }

  private int[] runnersOf(Event event) {
    int type = event.typeId();
    return type >= 0 && type < runnersByEventType.length ? runnersByEventType[type] : NO_RUNNERS;
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    timeReached.observeWatermark(mark.getTimestamp());
    watermark = mark.getTimestamp();
    pending.drain(watermark, this::drain);
    super.processWatermark(mark);
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    timeReached.snapshot();
    pending.snapshot();
  }

  @Override
  public void onEventTime(InternalTimer<Object, String> timer) throws Exception {
    PatternRuleRunner runner = runnersByStateId.get(timer.getNamespace());
    if (runner == null) {
      return;
    }
    // The key's events up to the watermark were fed to the rules before the watermark fired timers.
    String[] ids = activeRules.value();
    readActive(ids);
    boolean wasActive = active[runner.index()];
    boolean stillActive = runner.onTimer(watermark, runtime);
    if (stillActive != wasActive) {
      active[runner.index()] = stillActive;
      storeActive();
    } else {
      clearActive(ids);
    }
  }

  @Override
  public void onProcessingTime(InternalTimer<Object, String> timer) {
    // Pattern rules run in event time only.
  }

  /**
   * Feeds one key's due events to the rules, in {@code (ts, id)} order, and advances the rules it
   * ran to the watermark.
   *
   * <p>A rule runs for an event only if it has something in progress for the key or the event
   * could begin a match: with many rules on one key, an event costs the rules it concerns, plus
   * one start-condition test for each of the others.
   */
  private void drain(Object key, List<Event> due) {
    setCurrentKey(key);
    try {
      feed(due);
    } catch (Exception e) {
      throw new FlinkRuntimeException("pattern rules failed on key " + key, e);
    }
  }

  private void feed(List<Event> due) throws Exception {
    String[] ids = activeRules.value();
    readActive(ids);
    int touchedCount = 0;
    for (Event event : due) {
      long timestamp = event.ts();
      int[] mayStart = startIndex.candidates(event);
      for (int index : mayStart) {
        startable[index] = true;
      }
      for (int index : runnersOf(event)) {
        PatternRuleRunner runner = runners[index];
        if (!touched[index]) {
          boolean idle = !active[index];
          if (idle && !(startable[index] && runner.rule().couldStart(event))) {
            continue;
          }
          touched[index] = true;
          touchedOrder[touchedCount++] = index;
          runner.load(idle);
        }
        runner.advanceTo(timestamp, runtime);
        runner.process(event, timestamp, runtime);
      }
      for (int index : mayStart) {
        startable[index] = false;
      }
    }
    boolean changed = false;
    for (int t = 0; t < touchedCount; t++) {
      int index = touchedOrder[t];
      touched[index] = false;
      boolean stillActive = runners[index].finish(watermark, runtime);
      changed |= stillActive != active[index];
      active[index] = stillActive;
    }
    if (changed) {
      storeActive();
    } else {
      clearActive(ids);
    }
  }

  /** Marks in {@link #active} the runners named by {@code ids} (ids of removed rules are ignored). */
  private void readActive(String[] ids) {
    if (ids != null) {
      for (String id : ids) {
        PatternRuleRunner runner = runnersByStateId.get(id);
        if (runner != null) {
          active[runner.index()] = true;
        }
      }
    }
  }

  /** Undoes {@link #readActive} when {@link #active} did not change. */
  private void clearActive(String[] ids) {
    if (ids != null) {
      for (String id : ids) {
        PatternRuleRunner runner = runnersByStateId.get(id);
        if (runner != null) {
          active[runner.index()] = false;
        }
      }
    }
  }

  /** Stores {@link #active} as the key's active rules and clears it for the next key. */
  private void storeActive() throws Exception {
    int count = 0;
    for (boolean isActive : active) {
      count += isActive ? 1 : 0;
    }
    if (count == 0) {
      activeRules.clear();
      return;
    }
    String[] ids = new String[count];
    int i = 0;
    for (int index = 0; index < active.length; index++) {
      if (active[index]) {
        ids[i++] = runners[index].rule().stateId();
        active[index] = false;
      }
    }
    activeRules.update(ids);
  }

  private long currentProcessingTime() {
    return getProcessingTimeService().getCurrentProcessingTime();
  }

  /** The operator's services to its rule runners, for the key being processed. */
  private final class Runtime implements RuleRuntime {
    @Override
    public void registerTimer(PatternRule rule, long timestamp) {
      timers.registerEventTimeTimer(rule.stateId(), timestamp);
    }

    @Override
    public void deleteTimer(PatternRule rule, long timestamp) {
      timers.deleteEventTimeTimer(rule.stateId(), timestamp);
    }

    @Override
    public void emit(RuleMatch match) {
      collector.setAbsoluteTimestamp(match.eventTime());
      runnersByStateId.get(match.rule().stateId()).metrics().alerts().inc();
      collector.collect(alerts.get(match.rule()).toAlert(match));
    }

    @Override
    public long absenceHorizon() {
      return watermark == Long.MAX_VALUE ? timeReached.reached() : watermark;
    }
  }
}
