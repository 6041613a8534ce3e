/**
 * The compiled plan: an immutable, serializable, engine-neutral description of a checked rule set.
 *
 * <p>Names are resolved: event fields are positions in an event's value array, constants are
 * inlined (after {@code --param} overrides), lists and tables are embedded as data, and every
 * operation carries the type of its operands (numeric operands of different types are widened by
 * explicit {@link dev.tollgate.dsl.plan.PlanExpr.Cast} nodes), so an engine evaluates a plan
 * without reflection or name lookups.
 *
 * <p>Runtime values follow {@link dev.tollgate.dsl.types.ValueType}. An event is an array of values
 * in the order of its {@link dev.tollgate.dsl.plan.EventTypePlan#fields()}; position 0 is always
 * {@code id} and position 1 always {@code ts}.
 */
package dev.tollgate.dsl.plan;
