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
import java.util.List;

/**
 * One windowed aggregate rule, compiled, applied to a key's {@link RuleWindow}. It holds no
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

  /** The name of the rule's keyed state: versioned, so a changed rule starts from empty state. */
  public String stateName() {
    return "window/" + rule.id() + "@" + rule.version();
  }

  /** Whether the event is of the rule's type. */
  public boolean reads(Event event) {
    return event.typeId() == eventType;
  }

  /** Whether the event is of the rule's type and passes {@code where}. */
  public boolean accepts(Event event, MatchContext context) {
    return event.typeId() == eventType && where.test(context.event(event));
  }

  /**
   * Applies an accepted event to the key's window and returns the alert if the rule fires.
   *
   * @param keyValues the key's values in key order
   */
  public Alert onEvent(RuleWindow window, Event event, Object[] keyValues, MatchContext context) {
    WindowAccumulator[] accumulators = accumulators(window);
    long t = event.ts();
    evict(window, accumulators, t - windowMillis);
    window.append(event);
    argumentContext.event(event);
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i].add(argument(i));
    }
    if (t < window.suppressedUntil()) {
      return null;
    }
    for (int i = 0; i < accumulators.length; i++) {
      results[i] = accumulators[i].result();
    }
    context.event(event).aggregates(results).keyValues(keyValues);
    if (!having.test(context)) {
      return null;
    }
    if (suppressMillis > 0) {
      window.suppressUntil(t + suppressMillis);
    }
    return alerts.create(keyValues, window.latest(MAX_EVIDENCE), message.render(context), t);
  }

  /**
   * Drops events that cannot be in the window of any event later than {@code time}; returns
   * whether nothing is left to remember (no events, no suppression in force), so the state can
   * be cleared.
   */
  public boolean expire(RuleWindow window, long time) {
    evict(window, accumulators(window), time - windowMillis);
    return window.isEmpty() && time >= window.suppressedUntil();
  }

  /** When the window's current content and suppression will all have passed. */
  public long cleanupTime(RuleWindow window) {
    Event newest = window.newest();
    long eventsGone = newest == null ? Long.MIN_VALUE : newest.ts() + windowMillis;
    return Math.max(eventsGone, window.suppressedUntil());
  }

  /** Removes events with {@code ts <= limit}. */
  private void evict(RuleWindow window, WindowAccumulator[] accumulators, long limit) {
    Event oldest;
    while ((oldest = window.oldest()) != null && oldest.ts() <= limit) {
      window.removeOldest();
      argumentContext.event(oldest);
      for (int i = 0; i < accumulators.length; i++) {
        accumulators[i].remove(argument(i));
      }
    }
  }

  private WindowAccumulator[] accumulators(RuleWindow window) {
    WindowAccumulator[] accumulators = window.accumulators();
    if (accumulators == null) {
      accumulators = new WindowAccumulator[specs.length];
      for (int i = 0; i < specs.length; i++) {
        accumulators[i] = WindowAccumulator.of(specs[i]);
      }
      for (Event event : window.events()) {
        argumentContext.event(event);
        for (int i = 0; i < accumulators.length; i++) {
          accumulators[i].add(argument(i));
        }
      }
      window.accumulators(accumulators);
    }
    return accumulators;
  }

  /** Argument {@code i} on the event in {@link #argumentContext}; null for {@code count()}. */
  private Object argument(int i) {
    Evaluator argument = arguments[i];
    return argument == null ? null : argument.evaluate(argumentContext);
  }
}
