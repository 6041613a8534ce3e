package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.types.ValueType;

/** What a name, call or lookup in an expression was resolved to by the checker. */
public sealed interface Resolution {

  /** A field of the current event. */
  record EventField(String name, int position, ValueType type) implements Resolution {}

  /** The i-th key field of a rule or group field of an aggregate. */
  record KeyField(String name, int index, ValueType type) implements Resolution {}

  /** {@code step.field}: the latest event accepted by pattern step {@code stepIndex}. */
  record StepField(String step, int stepIndex, String field, int position, ValueType type) implements Resolution {}

  /** A {@code const}, inlined by the planner with its (possibly overridden) value. */
  record Const(String name, ValueType type) implements Resolution {}

  /** A window or select aggregate; {@code argument} is null for {@code count()}. */
  record WindowAggregate(AggregateFunction function, Expression argument, ValueType type) implements Resolution {}

  /** {@code count(step)} or {@code sum(step.field)}; {@code position} -1 for count. */
  record StepAggregate(AggregateFunction function, String step, int stepIndex, int position, ValueType type)
      implements Resolution {}

  /** In a spike condition or its alert: a select item's value for the closed window. */
  record SelectSlot(String name, int slot, ValueType type) implements Resolution {}

  /** {@code baseline(name, n)} in a spike condition. */
  record Baseline(int slot, int windows, ValueType type) implements Resolution {}

  /** {@code table[key].column}. */
  record TableColumn(String table, int column, ValueType type) implements Resolution {}

  /** A built-in function other than matches and any_prefix. */
  record Builtin(PlanExpr.Function function, ValueType type) implements Resolution {}

  /** {@code matches(s, "re")} with the regular expression already validated. */
  record Matches(String regex) implements Resolution {}

  /** {@code any_prefix(s, list)} or {@code x in list}: a named list. */
  record NamedList(String list) implements Resolution {}
}
