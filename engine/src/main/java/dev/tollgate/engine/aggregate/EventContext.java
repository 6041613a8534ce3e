package dev.tollgate.engine.aggregate;

import dev.tollgate.engine.eval.EvalContext;
import dev.tollgate.engine.event.Event;
import java.util.List;

/**
 * The context of an aggregate's per-event expressions ({@code where} and select arguments): only
 * the current event is visible. Reused across events by one function instance.
 */
final class EventContext implements EvalContext {
  private Event event;

  EventContext at(Event current) {
    this.event = current;
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
    throw new IllegalStateException("no aggregates in a per-event expression");
  }

  @Override
  public Object keyField(int index) {
    throw new IllegalStateException("no group fields in a per-event expression");
  }

  @Override
  public Object baseline(int slot, int windows) {
    throw new IllegalStateException("no baselines in a per-event expression");
  }
}
