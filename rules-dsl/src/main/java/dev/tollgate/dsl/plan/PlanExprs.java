package dev.tollgate.dsl.plan;

import java.util.ArrayList;
import java.util.List;

/** Walks of a {@link PlanExpr} tree, shared by the explainer and the engine. */
public final class PlanExprs {
  private PlanExprs() {}

  /** Every node of {@code kind} in the tree, in depth-first order; none for a null tree. */
  public static <T extends PlanExpr> List<T> find(PlanExpr expression, Class<T> kind) {
    List<T> found = new ArrayList<>();
    collect(expression, kind, found);
    return found;
  }

  private static <T extends PlanExpr> void collect(PlanExpr expression, Class<T> kind, List<T> found) {
    if (expression == null) {
      return;
    }
    if (kind.isInstance(expression)) {
      found.add(kind.cast(expression));
    }
    for (PlanExpr child : children(expression)) {
      collect(child, kind, found);
    }
  }

  /** The direct operands of a node, in source order. */
  public static List<PlanExpr> children(PlanExpr expression) {
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
