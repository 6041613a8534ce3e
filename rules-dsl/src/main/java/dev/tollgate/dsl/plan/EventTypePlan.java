package dev.tollgate.dsl.plan;

import dev.tollgate.dsl.types.ValueType;
import java.io.Serializable;
import java.util.List;

/**
 * A declared event type. {@code typeId} is the type's index in {@link RuleSetPlan#eventTypes()}.
 * Fields keep declaration order, except that {@code id} is always at position 0 and {@code ts} at
 * position 1.
 */
public record EventTypePlan(int typeId, String name, List<FieldPlan> fields) implements Serializable {
  public static final int ID_POSITION = 0;
  public static final int TS_POSITION = 1;

  public EventTypePlan {
    fields = List.copyOf(fields);
  }

  /** One field: its name, type and position in the event's value array. */
  public record FieldPlan(String name, ValueType type, int position) implements Serializable {}

  /** The field's position, or -1 if this type has no such field. */
  public int positionOf(String fieldName) {
    for (FieldPlan field : fields) {
      if (field.name().equals(fieldName)) {
        return field.position();
      }
    }
    return -1;
  }
}
