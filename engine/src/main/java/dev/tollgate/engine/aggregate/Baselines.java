package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan.SpikePlan;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.PlanExprs;
import dev.tollgate.dsl.plan.TemplatePlan;
import java.util.ArrayList;
import java.util.List;

/** Finds the {@link PlanExpr.Baseline}s of a spike (condition and message), which decide its state. */
final class Baselines {
  private Baselines() {}

  static List<PlanExpr.Baseline> of(SpikePlan spike) {
    List<PlanExpr.Baseline> found = new ArrayList<>();
    found.addAll(PlanExprs.find(spike.condition(), PlanExpr.Baseline.class));
    if (spike.alert() != null) {
      for (TemplatePlan.Part part : spike.alert().parts()) {
        if (part instanceof TemplatePlan.Value value) {
          found.addAll(PlanExprs.find(value.expression(), PlanExpr.Baseline.class));
        }
      }
    }
    return found;
  }
}
