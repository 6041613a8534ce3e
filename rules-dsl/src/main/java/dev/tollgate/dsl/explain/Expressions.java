package dev.tollgate.dsl.explain;

import dev.tollgate.dsl.plan.PlanExpr;
import java.util.ArrayList;
import java.util.List;

/** Walks of a {@link PlanExpr} tree. */
final class Expressions {
  private Expressions() {}

  /** Every {@link PlanExpr.Baseline} in the tree, in order. */
  static List<PlanExpr.Baseline> baselines(PlanExpr expression) {
    List<PlanExpr.Baseline> found = new ArrayList<>();
    collect(expression, found);
    return found;
  }

  private static void collect(PlanExpr expression, List<PlanExpr.Baseline> found) {
    if (expression == null) {
      return;
    }
    if (expression instanceof PlanExpr.Baseline baseline) {
      found.add(baseline);
    }
    for (PlanExpr child : children(expression)) {
      collect(child, found);
    }
  }

  static List<PlanExpr> children(PlanExpr expression) {
    if (expression instanceof PlanExpr.Cast e) {
      return List.of(e.operand());
    } else if (expression instanceof PlanExpr.Negate e) {
      return List.of(e.operand());
    } else if (expression instanceof PlanExpr.Arithmetic e) {
      return List.of(e.left(), e.right());
    } else if (expression instanceof PlanExpr.Comparison e) {
      return List.of(e.left(), e.right());
    } else if (expression instanceof PlanExpr.And e) {
      return e.operands();
    } else if (expression instanceof PlanExpr.Or e) {
      return e.operands();
    } else if (expression instanceof PlanExpr.Not e) {
      return List.of(e.operand());
    } else if (expression instanceof PlanExpr.InList e) {
      return List.of(e.value());
    } else if (expression instanceof PlanExpr.Between e) {
      return List.of(e.value(), e.low(), e.high());
    } else if (expression instanceof PlanExpr.IsNull e) {
      return List.of(e.value());
    } else if (expression instanceof PlanExpr.Matches e) {
      return List.of(e.value());
    } else if (expression instanceof PlanExpr.AnyPrefix e) {
      return List.of(e.value());
    } else if (expression instanceof PlanExpr.Call e) {
      return e.arguments();
    } else if (expression instanceof PlanExpr.TableLookup e) {
      return List.of(e.key());
    }
    return List.of();
  }
}
