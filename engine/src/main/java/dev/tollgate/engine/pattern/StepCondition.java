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
 */
final class StepCondition extends IterativeCondition<Event> {
  private static final long serialVersionUID = 1L;

  private final int stepIndex;
  private final int eventType;
  private final Condition condition;
  private final String[] stepNames;
  private final KeyPlan key;
  private final long maxSpanMillis;

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
    this.stepIndex = stepIndex;
    this.eventType = eventType;
    this.condition = condition;
    this.stepNames = stepNames.clone();
    this.key = key;
    this.maxSpanMillis = maxSpanMillis;
  }

  @Override
  public boolean filter(Event event, Context<Event> ctx) throws Exception {
    if (event.typeId() != eventType) {
      return false;
    }
    MatchEvalContext eval = context().reset(event, step -> eventsOf(ctx, stepNames[step]));
    if (maxSpanMillis > 0) {
      Event first = eval.firstEventBefore(stepIndex + 1); // earlier steps and earlier repetitions
      if (first != null && event.ts() - first.ts() >= maxSpanMillis) {
        return false;
      }
    }
    return condition.test(eval);
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
