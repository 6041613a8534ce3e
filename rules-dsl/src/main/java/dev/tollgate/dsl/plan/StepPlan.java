package dev.tollgate.dsl.plan;

import java.io.Serializable;

/**
 * One pattern step. An absent step ({@code then not Type where cond}) has no alias and quantifier
 * {@code (1, 1)}. The first step's contiguity is {@link Contiguity#RELAXED}.
 *
 * @param minOccurrences {@code repeat N..M}'s N; 0 for {@code optional}
 * @param maxOccurrences M, or {@link #UNBOUNDED} for {@code repeat N+}
 */
public record StepPlan(
    String alias,
    int eventType,
    PlanExpr condition,
    int minOccurrences,
    int maxOccurrences,
    Contiguity contiguity,
    boolean absent)
    implements Serializable {
  public static final int UNBOUNDED = -1;

  /** How a step relates to the one before it. */
  public enum Contiguity {
    /** {@code then}: other events of the key may come between. */
    RELAXED,
    /** {@code then next}: the very next event of the key. */
    STRICT
  }
}
