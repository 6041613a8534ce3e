package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan.SpikePlan;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.TemplatePlan;
import java.util.ArrayList;
import java.util.List;

/** Finds the {@link PlanExpr.Baseline}s of a spike (condition and message), which decide its state. */
final class Baselines {
  private Baselines() {}

  static List<PlanExpr.Baseline> of(SpikePlan spike) {
    List<PlanExpr.Baseline> found = new ArrayList<>();
    collect(spike.condition(), found);
    if (spike.alert() != null) {
      for (TemplatePlan.Part part : spike.alert().parts()) {
        if (part instanceof TemplatePlan.Value value) {
          collect(value.expression(), found);
        }
      }
    }
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

  private static List<PlanExpr> children(PlanExpr e) {
    if (e instanceof PlanExpr.Cast x) {
      return List.of(x.operand());
    } else if (e instanceof PlanExpr.Negate x) {
      return List.of(x.operand());
    } else if (e instanceof PlanExpr.Arithmetic x) {
      return List.of(x.left(), x.right());
    } else if (e instanceof PlanExpr.Comparison x) {
      return List.of(x.left(), x.right());
    } else if (e instanceof PlanExpr.And x) {
      return x.operands();
    } else if (e instanceof PlanExpr.Or x) {
      return x.operands();
    } else if (e instanceof PlanExpr.Not x) {
      return List.of(x.operand());
    } else if (e instanceof PlanExpr.InList x) {
      return List.of(x.value());
    } else if (e instanceof PlanExpr.Between x) {
      return List.of(x.value(), x.low(), x.high());
    } else if (e instanceof PlanExpr.IsNull x) {
      return List.of(x.value());
    } else if (e instanceof PlanExpr.Matches x) {
      return List.of(x.value());
    } else if (e instanceof PlanExpr.AnyPrefix x) {
      return List.of(x.value());
    } else if (e instanceof PlanExpr.Call x) {
      return x.arguments();
    } else if (e instanceof PlanExpr.TableLookup x) {
      return List.of(x.key());
    }
    return List.of();
  }
}
