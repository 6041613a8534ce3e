package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.types.ValueType;
import java.util.List;

/**
 * An {@code aggregate} block that passed the checker.
 *
 * @param severity the block's severity clause, else the spike's, else null
 */
public record CheckedAggregate(
    Declaration.AggregateDecl declaration,
    EventType eventType,
    List<KeyField> groupBy,
    List<Output> outputs,
    Severity severity,
    Severity spikeSeverity,
    Mode mode) {

  public CheckedAggregate {
    groupBy = List.copyOf(groupBy);
    outputs = List.copyOf(outputs);
  }

  /** A select item: its name, slot and type. */
  public record Output(String name, int slot, ValueType type) {}

  public String id() {
    return declaration.name().value();
  }
}
