package dev.tollgate.engine.pattern;

import dev.tollgate.dsl.plan.KeyPlan;
import dev.tollgate.engine.eval.EvalContext;
import dev.tollgate.engine.event.Event;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link EvalContext} of a pattern rule: the current event plus the events each step has
 * accepted so far. Step events come from a {@link StepEventSource} and are fetched at most once
 * per {@link #reset}, because reading them from Flink's shared buffer materializes the whole
 * partial match.
 *
 * <p>One instance is reused for many evaluations (as {@link EvalContext} allows), so it is not
 * thread-safe and never escapes the call that reset it.
 */
final class MatchEvalContext implements EvalContext {

  /** Where a step's events come from: a live partial match, a completed match, or stored state. */
  @FunctionalInterface
  interface StepEventSource {
    /** The events accepted by step {@code stepIndex} in order; empty if none. */
    List<Event> events(int stepIndex) throws Exception;
  }

  private final KeyPlan key;
  private final List<Event>[] cache;
  private Event event;
  private StepEventSource source;

  @SuppressWarnings("unchecked")
  MatchEvalContext(KeyPlan key, int stepCount) {
    this.key = key;
    this.cache = new List[stepCount];
  }

  /** Points this context at a new candidate event and match; forgets cached step events. */
  MatchEvalContext reset(Event currentEvent, StepEventSource steps) {
    this.event = currentEvent;
    this.source = steps;
    Arrays.fill(cache, null);
    return this;
  }

  @Override
  public Event event() {
    return event;
  }

  @Override
  public List<Event> stepEvents(int stepIndex) {
    List<Event> events = cache[stepIndex];
    if (events == null) {
      try {
        events = source.events(stepIndex);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("cannot read the events of pattern step " + stepIndex, e);
      }
      cache[stepIndex] = events;
    }
    return events;
  }

  /** The earliest event accepted by any step before {@code stepIndex}, or null if none. */
  Event firstEventBefore(int stepIndex) {
    Event first = null;
    for (int i = 0; i < stepIndex; i++) {
      List<Event> events = stepEvents(i);
      if (!events.isEmpty() && (first == null || events.get(0).ts() < first.ts())) {
        first = events.get(0);
      }
    }
    return first;
  }

  /**
   * The i-th key field: read from the current event, or from the first matched event when there is
   * no current event. Every event type of a keyed rule carries every key field (the checker
   * guarantees it), so any event of the match gives the same value.
   */
  @Override
  public Object keyField(int index) {
    Event source = event != null ? event : firstEventBefore(cache.length);
    return source == null ? null : keyValue(key, source, index);
  }

  @Override
  public Object aggregate(int slot) {
    throw new UnsupportedOperationException("pattern rules have no window aggregates");
  }

  @Override
  public Object baseline(int slot, int windows) {
    throw new UnsupportedOperationException("pattern rules have no baselines");
  }

  /** The value of key field {@code index} in {@code event}, or null if its type has no key. */
  static Object keyValue(KeyPlan key, Event event, int index) {
    List<Integer> positions = key.positionsByType().get(event.typeId());
    return positions == null ? null : event.get(positions.get(index));
  }
}
