package dev.tollgate.engine.pattern;

import dev.tollgate.engine.event.Event;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.cep.configuration.SharedBufferCacheConfig;
import org.apache.flink.cep.nfa.NFA;
import org.apache.flink.cep.nfa.NFAState;
import org.apache.flink.cep.nfa.NFAStateSerializer;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.nfa.sharedbuffer.SharedBuffer;
import org.apache.flink.cep.nfa.sharedbuffer.SharedBufferAccessor;
import org.apache.flink.cep.time.TimerService;
import org.apache.flink.configuration.Configuration;

/**
 * Runs one pattern rule for the current key, the way Flink's {@code CepOperator} drives its NFA,
 * but with the state namespaced by the rule so many rules share one operator.
 *
 * <p>Per rule and key: the {@link NFAState} (a value state), the NFA's {@link SharedBuffer} of
 * partial matches, the {@link AlertSuppression} quiet period and, for deadline absences, the
 * {@link DeadlineTracker}; all live in a {@link PrefixedKeyedStateStore} prefixed with the rule's
 * {@link PatternRule#stateId()}.
 *
 * <p>The operator calls, for each key, {@link #load()}, then {@link #advanceTo} and {@link
 * #process} for the buffered events in timestamp order, then {@link #finish}; or {@link #onTimer}
 * when one of the rule's timers fires. NFA timers are registered as {@code CepOperator} does (a new
 * partial match asks for its window's end), plus the end of the silence for patterns ending in
 * absence, plus a cleanup tick for window-less NFAs so the shared buffer's per-timestamp counters
 * are pruned.
 */
final class PatternRuleRunner {
  private final PatternRule rule;
  private final ValueState<NFAState> nfaStates;
  private final SharedBuffer<Event> sharedBuffer;
  private final AlertSuppression suppression;
  private final DeadlineTracker deadlines;
  private final AfterMatchSkipStrategy skipStrategy;
  private final NFA<Event> nfa;
  private final TimerService processingTime;

  private NFAState current;

  PatternRuleRunner(
      PatternRule rule,
      KeyedStateStore operatorStore,
      TypeSerializer<Event> eventSerializer,
      SharedBufferCacheConfig cacheConfig,
      TimerService processingTime) {
    this.rule = rule;
    KeyedStateStore store = new PrefixedKeyedStateStore(operatorStore, rule.stateId() + "/");
    this.nfaStates = store.getState(new ValueStateDescriptor<>("nfa-state", new NFAStateSerializer()));
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

  void open(RuntimeContext runtimeContext) throws Exception {
    nfa.open(runtimeContext, new Configuration());
  }

  void close() throws Exception {
    nfa.close();
    sharedBuffer.releaseCacheStatisticsTimer();
  }

  /** Whether events of this type can affect the rule. */
  boolean reads(Event event) {
    return rule.eventTypes.contains(event.typeId());
  }

  /** Reads the current key's NFA state; pair with {@link #finish} or {@link #onTimer}. */
  void load() throws Exception {
    NFAState stored = nfaStates.value();
    current = stored != null ? stored : nfa.createInitialNFAState();
  }

  /** Lets time pass up to {@code timestamp}: windows expire and silences that ended there fire. */
  void advanceTo(long timestamp, RuleRuntime runtime) throws Exception {
    Tuple2<Collection<Map<String, List<Event>>>, Collection<Tuple2<Map<String, List<Event>>, Long>>> result;
    try (SharedBufferAccessor<Event> accessor = sharedBuffer.getAccessor()) {
      result = nfa.advanceTime(accessor, current, timestamp, skipStrategy);
    }
    for (Map<String, List<Event>> match : result.f0) {
      onNfaMatch(match, runtime);
    }
  }

  /** Feeds one event, buffered until the watermark passed it, to the rule. */
  void process(Event event, long timestamp, RuleRuntime runtime) throws Exception {
    if (deadlines != null) {
      deadlines.onEvent(event);
    }
    Collection<Map<String, List<Event>>> matches;
    try (SharedBufferAccessor<Event> accessor = sharedBuffer.getAccessor()) {
      matches = nfa.process(accessor, current, event, timestamp, skipStrategy, processingTime);
    }
    registerNfaTimers(timestamp, runtime);
    for (Map<String, List<Event>> match : matches) {
      onNfaMatch(match, runtime);
    }
  }

  /** Ends a batch of events: time advances to the watermark, then the NFA state is stored. */
  void finish(long watermark, RuleRuntime runtime) throws Exception {
    advanceTo(watermark, runtime);
    fireDeadlines(watermark, runtime);
    store();
  }

  /** One of this rule's timers fired for the current key. */
  void onTimer(long watermark, RuleRuntime runtime) throws Exception {
    load();
    advanceTo(watermark, runtime);
    fireDeadlines(watermark, runtime);
    suppression.onTimer(watermark);
    store();
  }

  private void registerNfaTimers(long timestamp, RuleRuntime runtime) {
    long window = nfa.getWindowTime();
    if (window > 0 && current.isNewStartPartialMatch()) {
      runtime.registerTimer(rule, timestamp + window);
    }
    current.resetNewStartPartialMatch();
    boolean partial = current.getPartialMatches().size() > 1;
    if (rule.ending == PatternRule.Ending.SILENCE && partial) {
      // The event may have become the last one before the silence: it ends W later.
      runtime.registerTimer(rule, timestamp + rule.silenceMillis);
    }
    if (window == 0 && current.isStateChanged()) {
      // No window timer will prune the shared buffer's counters for this timestamp.
      runtime.registerTimer(rule, timestamp + 1);
    }
  }

  private void onNfaMatch(Map<String, List<Event>> match, RuleRuntime runtime) throws Exception {
    List<List<Event>> steps = rule.stepsOf(match);
    Event last = lastEvent(steps);
    switch (rule.ending) {
      case EVENT -> fire(new RuleMatch(rule, steps, last.ts(), false), runtime);
      case SILENCE -> {
        long deadline = last.ts() + rule.silenceMillis;
        if (deadline <= runtime.absenceHorizon()) {
          fire(new RuleMatch(rule, steps, deadline, true), runtime);
        }
      }
      case DEADLINE -> {
        Long deadline = deadlines.deadlineOf(steps, last);
        if (deadline != null) {
          deadlines.arm(deadline, steps);
          runtime.registerTimer(rule, deadline);
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
    if (suppression.tryFire(rule, match.eventTime(), runtime)) {
      runtime.emit(match);
    }
  }

  private void store() throws Exception {
    if (current.getPartialMatches().size() <= 1 && current.getCompletedMatches().isEmpty()) {
      nfaStates.clear();
    } else if (current.isStateChanged()) {
      current.resetStateChanged();
      current.resetNewStartPartialMatch();
      nfaStates.update(current);
    }
    current = null;
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
