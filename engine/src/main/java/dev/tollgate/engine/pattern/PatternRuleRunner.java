package dev.tollgate.engine.pattern;

import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.metrics.RuleMetrics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.cep.configuration.SharedBufferCacheConfig;
import org.apache.flink.cep.nfa.ComputationState;
import org.apache.flink.cep.nfa.NFA;
import org.apache.flink.cep.nfa.NFAState;
import org.apache.flink.cep.nfa.NFAStateSerializer;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.nfa.compiler.NFAStateNameHandler;
import org.apache.flink.cep.nfa.sharedbuffer.SharedBuffer;
import org.apache.flink.cep.nfa.sharedbuffer.SharedBufferAccessor;
import org.apache.flink.cep.time.TimerService;
import org.apache.flink.configuration.Configuration;

/**
 * Runs one pattern rule for the current key, the way Flink's {@code CepOperator} drives its NFA,
 * but with the state namespaced by the rule so many rules share one operator.
 *
 * <p>Per rule and key: the {@link NFAState} (a value state), the NFA's {@link SharedBuffer} of
 * partial matches, the {@link AlertSuppression} quiet period, for deadline absences the {@link
 * DeadlineTracker}, and the time of the rule's one pending timer; all live in a {@link
 * PrefixedKeyedStateStore} prefixed with the rule's {@link PatternRule#stateId()}.
 *
 * <p>The operator calls, for each key, {@link #load}, then {@link #advanceTo} and {@link
 * #process} for the buffered events in timestamp order, then {@link #finish}; or {@link #onTimer}
 * when the rule's timer fires. Instead of a timer per partial match (as {@code CepOperator} does),
 * the runner keeps at most one timer per key, at the earliest moment anything can happen: a partial
 * match's window ends, a silence ends, a deadline passes, a quiet period ends. When nothing is
 * pending the timer and all state are gone.
 */
final class PatternRuleRunner {
  /** Shared-buffer maps kept as one value: the NFA iterates this one on every time advance. */
  private static final Set<String> VALUE_BACKED_MAPS = Set.of("sharedBuffer-events-count");

  private final PatternRule rule;
  private final int index;
  private final ValueState<NFAState> nfaStates;
  private final ValueState<Long> wakeUp;
  private final SharedBuffer<Event> sharedBuffer;
  private final AlertSuppression suppression;
  private final DeadlineTracker deadlines;
  private final AfterMatchSkipStrategy skipStrategy;
  private final NFA<Event> nfa;
  private final TimerService processingTime;
  private RuleMetrics metrics;

  private NFAState current;
  /**
   * Open from the first use after {@link #load} until {@link #finish}: closing flushes the shared
   * buffer's cache to state, which is needed once per key and batch, not once per NFA call.
   */
  private SharedBufferAccessor<Event> accessor;
  /** The rule's pending timer for the key as of {@link #load}, or null if none. */
  private Long scheduled;
  /** The latest timestamp of an event that changed the NFA since {@link #load}; MIN if none. */
  private long lastTaken;
  /** The time the NFA was last advanced to since {@link #load}; MIN if not yet. */
  private long advancedTo;
  /**
   * Nothing was in progress for the key at {@link #load()} (no partial match, no timer, hence an
   * empty shared buffer) and no event has been taken since: advancing time and storing state are
   * no-ops, so they are skipped.
   */
  private boolean pristine;

  PatternRuleRunner(
      PatternRule rule,
      int index,
      KeyedStateStore operatorStore,
      TypeSerializer<Event> eventSerializer,
      SharedBufferCacheConfig cacheConfig,
      TimerService processingTime) {
    this.rule = rule;
    this.index = index;
    KeyedStateStore store = new PrefixedKeyedStateStore(operatorStore, rule.stateId() + "/", VALUE_BACKED_MAPS);
    this.nfaStates = store.getState(new ValueStateDescriptor<>("nfa-state", new NFAStateSerializer()));
    this.wakeUp = store.getState(new ValueStateDescriptor<>("wake-up", LongSerializer.INSTANCE));
    this.sharedBuffer = new SharedBuffer<>(store, eventSerializer, cacheConfig);
    this.suppression = new AlertSuppression(store, rule.plan.suppressMillis());
    this.deadlines =
        rule.ending == PatternRule.Ending.DEADLINE ? new DeadlineTracker(rule, store, eventSerializer) : null;
    this.skipStrategy = rule.pattern.getAfterMatchSkipStrategy();
    this.nfa = NFACompiler.compileFactory(rule.pattern, false).createNFA();
    this.processingTime = processingTime;
  }

  PatternRule rule() {
    return rule;
  }

  /** The runner's position among its operator's runners. */
  int index() {
    return index;
  }

  void open(RuntimeContext runtimeContext) throws Exception {
    nfa.open(runtimeContext, new Configuration());
    metrics = RuleMetrics.of(runtimeContext.getMetricGroup(), rule.plan.id());
  }

  /** The rule's counters; available once {@link #open} ran. */
  RuleMetrics metrics() {
    return metrics;
  }

  void close() throws Exception {
    nfa.close();
    sharedBuffer.releaseCacheStatisticsTimer();
  }

  /**
   * Reads the current key's NFA state; pair with {@link #finish} or {@link #onTimer}.
   *
   * @param idle the operator knows the rule has nothing in progress for the key (see {@link
   *     #finish}'s result), so there is no state to read
   */
  void load(boolean idle) throws Exception {
    NFAState stored = idle ? null : nfaStates.value();
    current = stored != null ? stored : nfa.createInitialNFAState();
    scheduled = idle ? null : wakeUp.value();
    lastTaken = Long.MIN_VALUE;
    advancedTo = Long.MIN_VALUE;
    pristine = idle;
  }

  /** Lets time pass up to {@code timestamp}: windows expire and silences that ended there fire. */
  void advanceTo(long timestamp, RuleRuntime runtime) throws Exception {
    if (timestamp == advancedTo) {
      return; // several events share a timestamp: time only needs to pass once
    }
    boolean first = advancedTo == Long.MIN_VALUE && lastTaken == Long.MIN_VALUE;
    advancedTo = timestamp;
    if (pristine) {
      return;
    }
    if (first && scheduled != null && timestamp < scheduled) {
      // Nothing the NFA holds expires or ends before the rule's timer, which is at or before its
      // earliest wake-up: this advance would change nothing (finish advances to the watermark).
      return;
    }
    Tuple2<Collection<Map<String, List<Event>>>, Collection<Tuple2<Map<String, List<Event>>, Long>>> result =
        nfa.advanceTime(accessor(), current, timestamp, skipStrategy);
    for (Map<String, List<Event>> match : result.f0) {
      onNfaMatch(match, runtime);
    }
  }

  /** Feeds one event, buffered until the watermark passed it, to the rule. */
  void process(Event event, long timestamp, RuleRuntime runtime) throws Exception {
    metrics.evaluated().inc();
    if (deadlines != null) {
      deadlines.onEvent(event);
    }
    boolean changedBefore = current.isStateChanged();
    current.resetStateChanged();
    Collection<Map<String, List<Event>>> matches =
        nfa.process(accessor(), current, event, timestamp, skipStrategy, processingTime);
    if (current.isStateChanged()) {
      lastTaken = timestamp;
      pristine = false;
    } else if (changedBefore) {
      current.setStateChanged();
    }
    if (!matches.isEmpty() || deadlines != null) {
      pristine = false;
    }
    for (Map<String, List<Event>> match : matches) {
      onNfaMatch(match, runtime);
    }
  }

  /**
   * Ends a batch of events: time advances to the watermark, state is stored, the timer set.
   *
   * @return whether the rule still has something in progress for the key (a partial match, a
   *     pending deadline or quiet period, a timer); when not, it holds no state for the key
   */
  boolean finish(long watermark, RuleRuntime runtime) throws Exception {
    try {
      return finishBatch(watermark, runtime);
    } finally {
      if (accessor != null) {
        accessor.close();
        accessor = null;
      }
    }
  }

  private boolean finishBatch(long watermark, RuleRuntime runtime) throws Exception {
    if (pristine) {
      current = null;
      return false;
    }
    advanceTo(watermark, runtime);
    fireDeadlines(watermark, runtime);
    long next = nextWakeUp(watermark, suppression.expire(watermark));
    boolean stored = storeNfaState();
    reschedule(next, watermark, runtime);
    return stored || next != Long.MAX_VALUE;
  }

  /**
   * The rule's timer fired for the current key.
   *
   * @return as {@link #finish}
   */
  boolean onTimer(long watermark, RuleRuntime runtime) throws Exception {
    load(false);
    return finish(watermark, runtime);
  }

  private SharedBufferAccessor<Event> accessor() {
    if (accessor == null) {
      accessor = sharedBuffer.getAccessor();
    }
    return accessor;
  }

  /**
   * The earliest time after {@code watermark} at which the rule has work for the current key, or
   * {@code Long.MAX_VALUE} if none.
   */
  private long nextWakeUp(long watermark, Long quietUntil) throws Exception {
    long next = Long.MAX_VALUE;
    long window = nfa.getWindowTime();
    String absentStep = rule.stepNames[rule.stepCount() - 1];
    for (ComputationState partial : current.getPartialMatches()) {
      if (partial.getStartEventID() == null) {
        continue; // the start state waits for nothing
      }
      if (window > 0) {
        next = Math.min(next, partial.getStartTimestamp() + window);
      }
      if (rule.ending == PatternRule.Ending.SILENCE
          && absentStep.equals(NFAStateNameHandler.getOriginalNameFromInternal(partial.getCurrentStateName()))) {
        next = Math.min(next, partial.getPreviousTimestamp() + rule.silenceMillis);
      }
    }
    if (deadlines != null) {
      next = min(next, deadlines.earliestDeadline());
    }
    next = min(next, quietUntil);
    if (lastTaken >= watermark && watermark < Long.MAX_VALUE) {
      // The shared buffer counts events per timestamp and forgets a timestamp only once time has
      // moved past it; an event taken at the watermark needs one more tick.
      next = Math.min(next, watermark + 1);
    }
    return next;
  }

  /**
   * Keeps the rule's timer at or before {@code next}. A pending timer earlier than {@code next}
   * stays: when it fires, {@link #onTimer} finds nothing due and moves it on. A rule whose wake-up
   * moves later with every event (a partial match restarted by each posting of a long {@code
   * within}) thus costs no timer deletion and registration per event.
   */
  private void reschedule(long next, long watermark, RuleRuntime runtime) throws Exception {
    boolean pending = scheduled != null && scheduled > watermark;
    if (pending && scheduled <= next && next != Long.MAX_VALUE) {
      return;
    }
    if (pending) {
      runtime.deleteTimer(rule, scheduled);
    }
    if (next == Long.MAX_VALUE) {
      if (scheduled != null) {
        wakeUp.clear();
      }
    } else {
      runtime.registerTimer(rule, next);
      wakeUp.update(next);
    }
  }

  private static long min(long a, Long b) {
    return b == null ? a : Math.min(a, b);
  }

  private void onNfaMatch(Map<String, List<Event>> match, RuleRuntime runtime) throws Exception {
    List<List<Event>> steps = rule.stepsOf(match);
    Event last = lastEvent(steps);
    switch (rule.ending) {
      case EVENT -> fire(new RuleMatch(rule, steps, last.ts()), runtime);
      case SILENCE -> {
        long deadline = last.ts() + rule.silenceMillis;
        if (deadline <= runtime.absenceHorizon()) {
          fire(new RuleMatch(rule, steps, deadline), runtime);
        }
      }
      case DEADLINE -> {
        Long deadline = deadlines.deadlineOf(steps, last);
        if (deadline != null) {
          deadlines.arm(deadline, steps);
        }
      }
    }
  }

  private void fireDeadlines(long watermark, RuleRuntime runtime) throws Exception {
    if (deadlines == null) {
      return;
    }
    for (RuleMatch match : deadlines.takeDue(watermark)) {
      if (match.eventTime() <= runtime.absenceHorizon()) {
        fire(match, runtime);
      }
    }
  }

  private void fire(RuleMatch match, RuleRuntime runtime) throws Exception {
    if (suppression.tryFire(match.eventTime())) {
      runtime.emit(match);
    }
  }

  /** Stores the NFA state, or clears it when only the start state is left; returns whether stored. */
  private boolean storeNfaState() throws Exception {
    boolean inProgress = current.getPartialMatches().size() > 1 || !current.getCompletedMatches().isEmpty();
    if (!inProgress) {
      nfaStates.clear();
    } else if (current.isStateChanged()) {
      current.resetStateChanged();
      current.resetNewStartPartialMatch();
      nfaStates.update(current);
    }
    current = null;
    return inProgress;
  }

  private static Event lastEvent(List<List<Event>> steps) {
    Event last = null;
    for (List<Event> events : steps) {
      for (Event event : events) {
        if (last == null || event.ts() >= last.ts()) {
          last = event;
        }
      }
    }
    return last;
  }
}
