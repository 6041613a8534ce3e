package dev.tollgate.dsl.plan;

import dev.tollgate.dsl.types.ValueType;
import java.io.Serializable;

/**
 * One aggregate the operator maintains: {@code function} over {@code argument} evaluated on each
 * event (null for {@code count()}); nulls are skipped, as in SQL.
 */
public record AggregateSpec(AggregateFunction function, PlanExpr argument, ValueType type)
    implements Serializable {}
