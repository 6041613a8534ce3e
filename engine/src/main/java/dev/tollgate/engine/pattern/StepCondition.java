package dev.tollgate.engine.pattern;

import dev.tollgate.dsl.plan.KeyPlan;
import dev.tollgate.engine.eval.Condition;
import dev.tollgate.engine.event.Event;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;

/**
 * Adapts one pattern step's compiled {@link Condition} to Flink CEP: the event must be of the
 * step's type, then the condition runs with {@link MatchEvalContext#stepEvents} read from the
 * partial match ({@code ctx.getEventsForPattern(alias)}), fetched lazily and at most once per call.
 *
 * <p>With a {@code maxSpanMillis}, the step also refuses an event that lies {@code maxSpanMillis}
 * or more after the first event of the partial match. {@link PatternTranslator} uses that to keep
 * the steps of a pattern ending in {@code then not} within {@code within} of each other while the
 * NFA's own window is stretched to cover the silence that follows (see there).
 *
 * <p>An absence between steps may {@linkplain #yieldingTo yield} to the steps that end it: an event
 * that one of them accepts is that step's event, not a forbidden event in between. Flink CEP alone
 * would let such an event both advance the match and break it (a branch that reaches a stop state
 * on an event is discarded as a whole), so {@code known then not Login then login: Login where ...}
 * could never match.
 */
final class StepCondition extends IterativeCondition<Event> {
  private static final long serialVersionUID = 1L;

  private final int stepIndex;
  private final int eventType;
  private final Condition condition;
  private final String[] stepNames;
  private final KeyPlan key;
  private final long maxSpanMillis;
  private final List<StepCondition> yieldsTo;

  private transient MatchEvalContext evalContext;

  /**
   * @param stepNames the Flink pattern name of every step, by step index
   * @param maxSpanMillis 0 for no span limit
   */
  StepCondition(
      int stepIndex,
      int eventType,
      Condition condition,
      String[] stepNames,
      KeyPlan key,
      long maxSpanMillis) {
    this(stepIndex, eventType, condition, stepNames, key, maxSpanMillis, List.of());
  }

  private StepCondition(
      int stepIndex,
      int eventType,
      Condition condition,
      String[] stepNames,
      KeyPlan key,
      long maxSpanMillis,
      List<StepCondition> yieldsTo) {
    this.stepIndex = stepIndex;
    this.eventType = eventType;
    this.condition = condition;
    this.stepNames = stepNames.clone();
    this.key = key;
    this.maxSpanMillis = maxSpanMillis;
    this.yieldsTo = List.copyOf(yieldsTo);
  }

  /**
   * This (absence) condition, except for events that one of {@code following} accepts: the
   * conditions of the steps that can end the gap the absence watches.
   */
  StepCondition yieldingTo(List<StepCondition> following) {
    return new StepCondition(stepIndex, eventType, condition, stepNames, key, maxSpanMillis, following);
  }

  @Override
  public boolean filter(Event event, Context<Event> ctx) throws Exception {
    if (event.typeId() != eventType) {
      return false;
    }
    MatchEvalContext eval = context().reset(event, step -> eventsOf(ctx, stepNames[step]));
    // The condition first: most events fail it on their own fields, before any earlier step's
    // events are read from the shared buffer (which the span check always needs).
    if (!condition.test(eval)) {
      return false;
    }
    if (maxSpanMillis > 0) {
      Event first = eval.firstEventBefore(stepIndex + 1); // earlier steps and earlier repetitions
      if (first != null && event.ts() - first.ts() >= maxSpanMillis) {
        return false;
      }
    }
    for (StepCondition step : yieldsTo) {
      if (step.filter(event, ctx)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code event} satisfies this step as the first event of a match (no earlier steps). */
  boolean acceptsAsFirst(Event event) {
    return event.typeId() == eventType && condition.test(context().reset(event, step -> List.of()));
  }

  private MatchEvalContext context() {
    if (evalContext == null) {
      evalContext = new MatchEvalContext(key, stepNames.length);
    }
    return evalContext;
  }

  private static List<Event> eventsOf(Context<Event> ctx, String stepName) throws Exception {
    List<Event> events = new ArrayList<>();
    for (Event e : ctx.getEventsForPattern(stepName)) {
      events.add(e);
    }
    return events;
  }

  @Override
  public String toString() {
    return "StepCondition{" + stepNames[stepIndex] + ", type " + eventType + "}";
  }
}
