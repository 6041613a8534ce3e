package dev.tollgate.engine.testing;

import dev.tollgate.engine.eval.EvalContext;
import dev.tollgate.engine.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A mutable {@link EvalContext} for tests. */
public class TestContext implements EvalContext {
  private Event event;
  private final Map<Integer, List<Event>> steps = new HashMap<>();
  private final Map<Integer, Object> aggregates = new HashMap<>();
  private final List<Object> keyFields = new ArrayList<>();

  public static TestContext of(Event event) {
    TestContext context = new TestContext();
    context.event = event;
    return context;
  }

  public TestContext step(int index, Event... events) {
    steps.put(index, List.of(events));
    return this;
  }

  public TestContext aggregate(int slot, Object value) {
    aggregates.put(slot, value);
    return this;
  }

  public TestContext keys(Object... values) {
    keyFields.addAll(java.util.Arrays.asList(values));
    return this;
  }

  @Override
  public Event event() {
    return event;
  }

  @Override
  public List<Event> stepEvents(int stepIndex) {
    return steps.getOrDefault(stepIndex, List.of());
  }

  @Override
  public Object aggregate(int slot) {
    return aggregates.get(slot);
  }

  @Override
  public Object keyField(int index) {
    return keyFields.get(index);
  }

  @Override
  public Object baseline(int slot, int windows) {
    return null;
  }
}
