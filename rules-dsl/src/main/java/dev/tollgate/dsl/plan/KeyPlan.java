package dev.tollgate.dsl.plan;

import dev.tollgate.dsl.types.ValueType;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The key a rule partitions by: field names and types, and for each event type the rule reads,
 * the positions of those fields in that type. Empty for single-event rules.
 */
public record KeyPlan(List<String> fields, List<ValueType> types, Map<Integer, List<Integer>> positionsByType)
    implements Serializable {
  public static final KeyPlan NONE = new KeyPlan(List.of(), List.of(), Map.of());

  public KeyPlan {
    fields = List.copyOf(fields);
    types = List.copyOf(types);
    positionsByType = Map.copyOf(positionsByType);
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }
}
