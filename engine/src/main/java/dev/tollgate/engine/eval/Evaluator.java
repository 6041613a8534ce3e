package dev.tollgate.engine.eval;

import java.io.Serializable;

/** A compiled expression: a closure over field positions, built once per rule. */
@FunctionalInterface
public interface Evaluator extends Serializable {
  /** The expression's value in {@code context}, typed as its plan type says; may be null. */
  Object evaluate(EvalContext context);
}
