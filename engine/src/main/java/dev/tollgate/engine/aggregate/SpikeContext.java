package dev.tollgate.engine.aggregate;

import dev.tollgate.engine.eval.EvalContext;
import dev.tollgate.engine.event.Event;
import java.util.List;

/**
 * What a spike condition and its message read: the closed window's selected values, the group
 * values and the group's baselines. There is no current event. Reused across records.
 */
final class SpikeContext implements EvalContext {
  private final BaselineLayout layout;
  private WindowRecord record;
  private BaselineHistory history;

  SpikeContext(BaselineLayout layout) {
    this.layout = layout;
  }

  SpikeContext at(WindowRecord current, BaselineHistory currentHistory) {
    this.record = current;
    this.history = currentHistory;
    return this;
  }

  @Override
  public Event event() {
    return null;
  }

  @Override
  public List<Event> stepEvents(int stepIndex) {
    return List.of();
  }

  @Override
  public Object aggregate(int slot) {
    return record.value(slot);
  }

  @Override
  public Object keyField(int index) {
    return record.groupValues().get(index);
  }

  @Override
  public Object baseline(int slot, int windows) {
    return layout.baseline(history, slot, windows);
  }
}
