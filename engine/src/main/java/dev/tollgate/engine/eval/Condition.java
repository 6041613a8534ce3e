package dev.tollgate.engine.eval;

import java.io.Serializable;

/** A compiled boolean expression; null counts as false. */
@FunctionalInterface
public interface Condition extends Serializable {
  boolean test(EvalContext context);
}
