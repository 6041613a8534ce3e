package dev.tollgate.dsl.plan;

import dev.tollgate.dsl.types.ValueType;
import java.io.Serializable;
import java.util.List;

/** A named list with its values embedded (inline or loaded from its file at compile time). */
public record ListPlan(String name, ValueType elementType, List<Object> values) implements Serializable {
  public ListPlan {
    values = List.copyOf(values);
  }
}
