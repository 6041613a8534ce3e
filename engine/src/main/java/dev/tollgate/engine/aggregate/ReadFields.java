package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.plan.PlanExpr;
import java.util.BitSet;
import java.util.List;

/**
 * The event fields an aggregate's windows read: {@code id}, {@code ts}, the group fields and the
 * fields its select arguments use. The {@code where} clause is not among them: it runs before the
 * shuffle, on the whole event.
 */
final class ReadFields {
  private ReadFields() {}

  /** Positions read, ascending; null when an argument's fields cannot be told (keep every field). */
  static int[] of(AggregatePlan plan) {
    BitSet read = new BitSet();
    read.set(EventTypePlan.ID_POSITION);
    read.set(EventTypePlan.TS_POSITION);
    plan.groupBy().forEach(field -> read.set(field.position()));
    for (AggregatePlan.SelectItem item : plan.select()) {
      PlanExpr argument = item.aggregate().argument();
      if (argument != null && !collect(argument, read)) {
        return null;
      }
    }
    return read.stream().toArray();
  }

  /** Adds the event fields {@code expr} reads; false for an expression this does not know. */
  private static boolean collect(PlanExpr expr, BitSet read) {
    if (expr instanceof PlanExpr.EventField field) {
      read.set(field.position());
      return true;
    }
    if (expr instanceof PlanExpr.Literal) {
      return true;
    }
    if (expr instanceof PlanExpr.Cast cast) {
      return collect(cast.operand(), read);
    }
    if (expr instanceof PlanExpr.Negate negate) {
      return collect(negate.operand(), read);
    }
    if (expr instanceof PlanExpr.Arithmetic arithmetic) {
      return collect(arithmetic.left(), read) && collect(arithmetic.right(), read);
    }
    if (expr instanceof PlanExpr.Call call) {
      return all(call.arguments(), read);
    }
    if (expr instanceof PlanExpr.TableLookup lookup) {
      return collect(lookup.key(), read);
    }
    return false;
  }

  private static boolean all(List<PlanExpr> exprs, BitSet read) {
    for (PlanExpr expr : exprs) {
      if (!collect(expr, read)) {
        return false;
      }
    }
    return true;
  }
}
