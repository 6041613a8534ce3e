package dev.tollgate.engine.event;

import dev.tollgate.dsl.plan.EventTypePlan;
import java.util.Arrays;

/**
 * One decoded event: its type (an index into the rule set's event types) and its field values by
 * position, typed as {@link dev.tollgate.dsl.types.ValueType} says. Position 0 is {@code id},
 * position 1 is {@code ts} (epoch milliseconds).
 *
 * <p>Events are immutable once decoded; the value array is never handed out.
 */
public final class Event {
  private final int typeId;
  private final Object[] values;

  /** Takes ownership of {@code values}; callers must not modify the array afterwards. */
  public Event(int typeId, Object[] values) {
    this.typeId = typeId;
    this.values = values;
  }

  public int typeId() {
    return typeId;
  }

  public String id() {
    return (String) values[EventTypePlan.ID_POSITION];
  }

  /** Event time in epoch milliseconds. */
  public long ts() {
    return (Long) values[EventTypePlan.TS_POSITION];
  }

  /** The value at a field position; null when absent. */
  public Object get(int position) {
    return values[position];
  }

  public int fieldCount() {
    return values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Event other && typeId == other.typeId && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * typeId + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Event" + typeId + Arrays.toString(values);
  }
}
