package dev.tollgate.engine.rules;

import dev.tollgate.engine.eval.EvalContext;
import dev.tollgate.engine.event.Event;
import java.util.List;

/**
 * A reusable {@link EvalContext} for single-event and windowed rules: the current event, the
 * operator's aggregate values and the key values of the match. Operators set the fields before
 * each evaluation instead of allocating a context per event.
 */
public final class MatchContext implements EvalContext {
  private static final Object[] NONE = new Object[0];

  private Event event;
  private Object[] aggregates = NONE;
  private Object[] keyValues = NONE;

  /** Sets the current event; aggregates and key values stay as they were. */
  public MatchContext event(Event current) {
    this.event = current;
    return this;
  }

  /** Sets the aggregate values, by slot; the array is read, not copied. */
  public MatchContext aggregates(Object[] values) {
    this.aggregates = values;
    return this;
  }

  /** Sets the key values, in key order; the array is read, not copied. */
  public MatchContext keyValues(Object[] values) {
    this.keyValues = values;
    return this;
  }

  @Override
  public Event event() {
    return event;
  }

  @Override
  public List<Event> stepEvents(int stepIndex) {
    return List.of();
  }

  @Override
  public Object aggregate(int slot) {
    return slot < aggregates.length ? aggregates[slot] : null;
  }

  @Override
  public Object keyField(int index) {
    return index < keyValues.length ? keyValues[index] : null;
  }

  @Override
  public Object baseline(int slot, int windows) {
    return null;
  }
}
