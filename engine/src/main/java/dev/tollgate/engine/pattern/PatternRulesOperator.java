package dev.tollgate.engine.pattern;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import org.apache.flink.api.common.typeutils.base.array.StringArraySerializer;
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

/**
 * One keyed operator that runs many pattern rules sharing a key signature, each on its own Flink
 * CEP NFA (the per-rule NFA approach of FLIP-200's dynamic CEP operator, with a fixed rule set).
 *
 * <p><b>Input and time.</b> Events arrive keyed by the rules' key and are processed in event time,
 * as Flink's {@code CepOperator} does: an event is buffered under its timestamp until the watermark
 * passes it, then the buffered events are fed to every rule that reads their type, in timestamp
 * order, each rule's time advancing to the timestamp first; then time advances to the watermark.
 * Late events (at or below the watermark) are filtered upstream; should one arrive anyway it is
 * counted in the {@code numLateRecordsDropped} metric and ignored.
 *
 * <p><b>State</b> (all keyed): {@code pattern-events} buffers events by timestamp until the watermark
 * passes them (one copy per event, shared by the rules), indexed by {@code pattern-event-timestamps} (its
 * timestamps, ascending, so draining needs no scan of the buffer); {@code pattern-active-rules} names
 * the rules with something in progress for the key, so an event that cannot begin a match skips the
 * others without touching their state. Each rule's state lives under names prefixed
 * with {@code <ruleId>@<version>/}: {@code nfa-state}, the shared buffer's three maps, {@code
 * suppressed-until} and {@code pending-deadlines} (see {@link PatternRuleRunner}). Timers live in one
 * timer service: namespace {@code ""} drains the event buffer, a rule's {@code id@version} advances
 * that rule. Everything is removed once partial matches expire, deadlines pass and quiet periods
 * end.
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

  private static final String DRAIN = "";

  /** Keyed state: the buffered events' distinct timestamps, ascending. */
  static final String BUFFERED_TIMESTAMPS = "pattern-event-timestamps";

  /** Keyed state: the state ids of the rules with something in progress for the key. */
  static final String ACTIVE_RULES = "pattern-active-rules";

  private final List<RulePlan> rules;
  private final TypeSerializer<Event> eventSerializer;

  private transient MapState<Long, List<Event>> eventBuffer;
  private transient ValueState<long[]> bufferedTimestamps;
  private transient ValueState<String[]> activeRules;
  private transient Map<String, PatternRuleRunner> runnersByStateId;
  private transient Map<Integer, List<PatternRuleRunner>> runnersByEventType;
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
    eventBuffer =
        context
            .getKeyedStateStore()
            .getMapState(
                new MapStateDescriptor<>(
                    "pattern-events", LongSerializer.INSTANCE, new ListSerializer<>(eventSerializer)));
    bufferedTimestamps =
        context
            .getKeyedStateStore()
            .getState(new ValueStateDescriptor<>(BUFFERED_TIMESTAMPS, LongPrimitiveArraySerializer.INSTANCE));
    activeRules =
        context
            .getKeyedStateStore()
            .getState(new ValueStateDescriptor<>(ACTIVE_RULES, StringArraySerializer.INSTANCE));
    SharedBufferCacheConfig cacheConfig = SharedBufferCacheConfig.of(getOperatorConfig().getConfiguration());
    runnersByStateId = new LinkedHashMap<>();
    runnersByEventType = new HashMap<>();
    alerts = new HashMap<>();
    ExpressionCompiler compiler = new ExpressionCompiler();
    for (RulePlan plan : rules) {
      PatternRule rule = PatternRule.compile(plan, compiler);
      PatternRuleRunner runner =
          new PatternRuleRunner(
              rule, context.getKeyedStateStore(), eventSerializer, cacheConfig, this::currentProcessingTime);
      runnersByStateId.put(rule.stateId(), runner);
      for (int type : rule.eventTypes) {
        runnersByEventType.computeIfAbsent(type, t -> new ArrayList<>()).add(runner);
      }
      alerts.put(rule, new PatternAlerts(rule, compiler));
    }
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
    long timestamp = record.getTimestamp();
    timeReached.observeEvent(timestamp);
    if (!runnersByEventType.containsKey(event.typeId())) {
      return;
    }
    if (timestamp <= timers.currentWatermark()) {
      lateRecords.inc();
      return;
    }
    List<Event> atTimestamp = eventBuffer.get(timestamp);
    if (atTimestamp == null) {
      atTimestamp = new ArrayList<>();
      timers.registerEventTimeTimer(DRAIN, timestamp);
      bufferedTimestamps.update(SortedTimestamps.insert(bufferedTimestamps.value(), timestamp));
    }
    atTimestamp.add(event);
    eventBuffer.put(timestamp, atTimestamp);
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    timeReached.observeWatermark(mark.getTimestamp());
    super.processWatermark(mark);
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    timeReached.snapshot();
  }

  @Override
  public void onEventTime(InternalTimer<Object, String> timer) throws Exception {
    long watermark = timers.currentWatermark();
    if (DRAIN.equals(timer.getNamespace())) {
      drain(watermark);
    } else {
      PatternRuleRunner runner = runnersByStateId.get(timer.getNamespace());
      if (runner != null) {
        // Events buffered before the watermark go first: the rule's time must not pass them (a
        // watermark that jumps past a window's end would otherwise drop the partial match those
        // events complete).
        drain(watermark);
        Set<PatternRuleRunner> active = activeRunners();
        boolean wasActive = active.contains(runner);
        boolean stillActive = runner.onTimer(watermark, runtime);
        if (stillActive != wasActive) {
          if (stillActive) {
            active.add(runner);
          } else {
            active.remove(runner);
          }
          storeActiveRunners(active);
        }
      }
    }
  }

  @Override
  public void onProcessingTime(InternalTimer<Object, String> timer) {
    // Pattern rules run in event time only.
  }

  /**
   * Feeds the current key's buffered events up to the watermark to the rules, in time order. The
   * buffer's timer at each timestamp calls this; the first call of a watermark drains every
   * timestamp it passed, the others find nothing due.
   *
   * <p>A rule runs for an event only if it has something in progress for the key or the event
   * could begin a match: with many rules on one key, an event costs the rules it concerns, plus
   * one start-condition test for each of the others.
   */
  private void drain(long watermark) throws Exception {
    long[] buffered = bufferedTimestamps.value();
    int due = SortedTimestamps.countAtOrBefore(buffered, watermark);
    if (due == 0) {
      return;
    }
    Set<PatternRuleRunner> active = activeRunners();
    Set<PatternRuleRunner> touched = new LinkedHashSet<>();
    for (int i = 0; i < due; i++) {
      long timestamp = buffered[i];
      for (Event event : eventBuffer.get(timestamp)) {
        for (PatternRuleRunner runner : runnersByEventType.getOrDefault(event.typeId(), List.of())) {
          if (!touched.contains(runner)) {
            boolean idle = !active.contains(runner);
            if (idle && !runner.rule().couldStart(event)) {
              continue;
            }
            touched.add(runner);
            runner.load(idle);
          }
          runner.advanceTo(timestamp, runtime);
          runner.process(event, timestamp, runtime);
        }
      }
      eventBuffer.remove(timestamp);
    }
    if (due == buffered.length) {
      bufferedTimestamps.clear();
    } else {
      bufferedTimestamps.update(Arrays.copyOfRange(buffered, due, buffered.length));
    }
    boolean changed = false;
    for (PatternRuleRunner runner : touched) {
      boolean stillActive = runner.finish(watermark, runtime);
      changed |= stillActive ? active.add(runner) : active.remove(runner);
    }
    if (changed) {
      storeActiveRunners(active);
    }
  }

  /** The rules with something in progress for the current key (ids of removed rules are dropped). */
  private Set<PatternRuleRunner> activeRunners() throws Exception {
    String[] ids = activeRules.value();
    Set<PatternRuleRunner> active = new LinkedHashSet<>();
    if (ids != null) {
      for (String id : ids) {
        PatternRuleRunner runner = runnersByStateId.get(id);
        if (runner != null) {
          active.add(runner);
        }
      }
    }
    return active;
  }

  private void storeActiveRunners(Set<PatternRuleRunner> active) throws Exception {
    if (active.isEmpty()) {
      activeRules.clear();
      return;
    }
    String[] ids = new String[active.size()];
    int i = 0;
    for (PatternRuleRunner runner : active) {
      ids[i++] = runner.rule().stateId();
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
      long watermark = timers.currentWatermark();
      return watermark == Long.MAX_VALUE ? timeReached.reached() : watermark;
    }
  }
}
