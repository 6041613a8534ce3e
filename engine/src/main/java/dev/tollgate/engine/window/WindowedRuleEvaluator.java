package dev.tollgate.engine.window;

import dev.tollgate.dsl.plan.AggregateSpec;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.eval.Condition;
import dev.tollgate.engine.eval.Evaluator;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.eval.TemplateRenderer;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.rules.AlertFactory;
import dev.tollgate.engine.rules.MatchContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One windowed aggregate rule, compiled, applied to a key's window: its {@link WindowSummary} and
 * the events in a {@link WindowStore}. It holds no
 * per-key data, so one instance serves every key of an operator; it knows nothing of Flink, so
 * the semantics can be tested (and reused) without a runtime.
 *
 * <p>Semantics: on each event of the rule's type that passes {@code where}, the window holds the
 * key's passing events with {@code ts} in {@code (t - window, t]} (an event exactly {@code
 * window} old is out); the rule fires when {@code having} holds, unless it fired for the key less
 * than {@code suppress} ago. Events must be applied in event-time order; events with equal {@code
 * ts} are applied one after the other (callers order them by id), each seeing those before it.
 * The alert's events are the window's latest {@link #MAX_EVIDENCE} events, ending with the one
 * that fired.
 */
public final class WindowedRuleEvaluator {
  /** The most events an alert carries as evidence; the latest are kept. */
  public static final int MAX_EVIDENCE = 100;

  private final RulePlan rule;
  private final int eventType;
  private final long windowMillis;
  private final long suppressMillis;
  private final Condition where;
  private final Condition having;
  private final AggregateSpec[] specs;
  private final Evaluator[] arguments;
  private final Object[] results;
  private final TemplateRenderer message;
  private final AlertFactory alerts;
  private final MatchContext argumentContext = new MatchContext();

  public WindowedRuleEvaluator(RulePlan rule, ExpressionCompiler compiler) {
    if (!(rule.body() instanceof RuleBody.Windowed body)) {
      throw new IllegalArgumentException(rule.id() + " is not a windowed rule");
    }
    if (body.windowMillis() <= 0) {
      throw new IllegalArgumentException(rule.id() + ": window must be positive");
    }
    this.rule = rule;
    this.eventType = body.eventType();
    this.windowMillis = body.windowMillis();
    this.suppressMillis = Math.max(0, rule.suppressMillis());
    this.where = compiler.compileCondition(body.condition());
    this.having = compiler.compileCondition(body.having());
    List<AggregateSpec> aggregates = body.aggregates();
    this.specs = aggregates.toArray(AggregateSpec[]::new);
    this.arguments = new Evaluator[specs.length];
    for (int i = 0; i < specs.length; i++) {
      arguments[i] = specs[i].argument() == null ? null : compiler.compile(specs[i].argument());
    }
    this.results = new Object[specs.length];
    this.message = new TemplateRenderer(rule.alert(), compiler);
    this.alerts = new AlertFactory(rule);
  }

  public RulePlan rule() {
    return rule;
  }

  /** The prefix of the rule's keyed state names: versioned, so a changed rule starts from empty state. */
  public String stateName() {
    return "window/" + rule.id() + "@" + rule.version();
  }

  /** Whether the event is of the rule's type and passes {@code where}. */
  public boolean accepts(Event event, MatchContext context) {
    return event.typeId() == eventType && where.test(context.event(event));
  }

  /** An empty window for a key the rule holds nothing for yet. */
  public WindowSummary emptyWindow() {
    WindowAccumulator[] accumulators = new WindowAccumulator[specs.length];
    for (int i = 0; i < specs.length; i++) {
      accumulators[i] = WindowAccumulator.of(specs[i]);
    }
    return new WindowSummary(accumulators);
  }

  /**
   * Applies an accepted event to the key's window and returns the alert if the rule fires. The
   * summary is changed in place; the caller stores it.
   *
   * @param keyValues the key's values in key order
   */
  Alert onEvent(WindowStore store, WindowSummary window, Event event, Object[] keyValues, MatchContext context) {
    long t = event.ts();
    evict(store, window, t - windowMillis);
    EventBucket newest = append(store, window, event);
    argumentContext.event(event);
    WindowAccumulator[] accumulators = window.accumulators;
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i].add(argument(i), store.counts(i));
    }
    if (t < window.suppressedUntil) {
      return null;
    }
    rescanStale(store, window);
    for (int i = 0; i < accumulators.length; i++) {
      results[i] = accumulators[i].result();
    }
    context.event(event).aggregates(results).keyValues(keyValues);
    if (!having.test(context)) {
      return null;
    }
    if (suppressMillis > 0) {
      window.suppressedUntil = t + suppressMillis;
    }
    return alerts.create(keyValues, latest(store, window, newest), message.render(context), t);
  }

  /**
   * Drops events that cannot be in the window of any event later than {@code time}; returns
   * whether nothing is left to remember (no events, no suppression in force), so the summary can
   * be cleared.
   */
  boolean expire(WindowStore store, WindowSummary window, long time) {
    evict(store, window, time - windowMillis);
    return window.size == 0 && time >= window.suppressedUntil;
  }

  /** When the window's current content and suppression will all have passed. */
  public long cleanupTime(WindowSummary window) {
    long eventsGone = window.size == 0 ? Long.MIN_VALUE : window.newest + windowMillis;
    return Math.max(eventsGone, window.suppressedUntil);
  }

  /**
   * Adds the event to the newest bucket when it is not newer (same timestamp, or an event that
   * arrived behind the watermark: it leaves the window with the bucket it joined, as it would
   * have from the end of a list), else starts a bucket linked after the newest. Returns the
   * newest bucket.
   */
  private EventBucket append(WindowStore store, WindowSummary window, Event event) {
    long t = event.ts();
    EventBucket bucket;
    if (window.size == 0) {
      bucket = EventBucket.first(EventBucket.NONE, event);
      window.oldest = t;
      window.newest = t;
      store.put(t, bucket);
    } else if (t <= window.newest) {
      bucket = store.bucket(window.newest).plus(event);
      store.put(window.newest, bucket);
    } else {
      store.put(window.newest, store.bucket(window.newest).withNext(t));
      bucket = EventBucket.first(window.newest, event);
      window.newest = t;
      store.put(t, bucket);
    }
    window.size++;
    return bucket;
  }

  /** Removes the buckets with timestamp {@code <= limit}, oldest first. */
  private void evict(WindowStore store, WindowSummary window, long limit) {
    WindowAccumulator[] accumulators = window.accumulators;
    while (window.size > 0 && window.oldest <= limit) {
      EventBucket bucket = store.bucket(window.oldest);
      store.remove(window.oldest);
      for (Event gone : bucket.events()) {
        argumentContext.event(gone);
        for (int i = 0; i < accumulators.length; i++) {
          accumulators[i].remove(argument(i), store.counts(i));
        }
      }
      window.size -= bucket.events().length;
      window.oldest = bucket.next();
    }
    if (window.size == 0) {
      window.oldest = EventBucket.NONE;
      window.newest = EventBucket.NONE;
    }
  }

  /** The latest {@link #MAX_EVIDENCE} events, oldest first, walking back from the newest bucket. */
  private List<Event> latest(WindowStore store, WindowSummary window, EventBucket newest) {
    Event[] latest = new Event[(int) Math.min(MAX_EVIDENCE, window.size)];
    int free = latest.length;
    EventBucket bucket = newest;
    while (true) {
      Event[] events = bucket.events();
      for (int j = events.length - 1; j >= 0 && free > 0; j--) {
        latest[--free] = events[j];
      }
      if (free == 0) {
        return Arrays.asList(latest);
      }
      bucket = store.bucket(bucket.previous());
    }
  }

  /** Recomputes the accumulators that lost their value ({@code min}/{@code max}) from the window's events. */
  private void rescanStale(WindowStore store, WindowSummary window) {
    WindowAccumulator[] accumulators = window.accumulators;
    int[] stale = new int[accumulators.length];
    int count = 0;
    for (int i = 0; i < accumulators.length; i++) {
      if (accumulators[i].stale()) {
        accumulators[i].rescan();
        stale[count++] = i;
      }
    }
    if (count == 0) {
      return;
    }
    // Oldest first, as they were added, so ties keep the value that came first; the heap
    // backend's map is unordered.
    List<Map.Entry<Long, EventBucket>> buckets = new ArrayList<>();
    store.buckets().forEach(buckets::add);
    buckets.sort(Map.Entry.comparingByKey());
    for (Map.Entry<Long, EventBucket> bucket : buckets) {
      for (Event event : bucket.getValue().events()) {
        argumentContext.event(event);
        for (int k = 0; k < count; k++) {
          accumulators[stale[k]].add(argument(stale[k]), null);
        }
      }
    }
  }

  /** Argument {@code i} on the event in {@link #argumentContext}; null for {@code count()}. */
  private Object argument(int i) {
    Evaluator argument = arguments[i];
    return argument == null ? null : argument.evaluate(argumentContext);
  }
}
