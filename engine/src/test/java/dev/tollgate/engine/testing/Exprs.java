package dev.tollgate.engine.testing;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.PlanExpr.ArithmeticOp;
import dev.tollgate.dsl.plan.PlanExpr.ComparisonOp;
import dev.tollgate.dsl.plan.PlanExpr.Function;
import dev.tollgate.dsl.plan.TablePlan;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Short builders for hand-written plan expressions in tests. */
public final class Exprs {
  private Exprs() {}

  public static PlanExpr lit(String s) {
    return new PlanExpr.Literal(s, ValueType.STRING);
  }

  public static PlanExpr lit(long n) {
    return new PlanExpr.Literal(n, ValueType.LONG);
  }

  public static PlanExpr lit(boolean b) {
    return new PlanExpr.Literal(b, ValueType.BOOLEAN);
  }

  public static PlanExpr lit(double d) {
    return new PlanExpr.Literal(d, ValueType.DOUBLE);
  }

  public static PlanExpr dec(String text) {
    return new PlanExpr.Literal(new BigDecimal(text), ValueType.DECIMAL);
  }

  public static PlanExpr nul(ValueType type) {
    return new PlanExpr.Literal(null, type);
  }

  public static PlanExpr nul() {
    return new PlanExpr.Literal(null, ValueType.NULL);
  }

  public static PlanExpr ts(String iso) {
    return new PlanExpr.Literal(Instant.parse(iso).toEpochMilli(), ValueType.TIMESTAMP);
  }

  public static PlanExpr dur(long millis) {
    return new PlanExpr.Literal(millis, ValueType.DURATION);
  }

  public static PlanExpr field(String name, int position, ValueType type) {
    return new PlanExpr.EventField(name, position, type);
  }

  public static PlanExpr cmp(ComparisonOp op, PlanExpr left, PlanExpr right) {
    return new PlanExpr.Comparison(op, left, right);
  }

  public static PlanExpr eq(PlanExpr left, PlanExpr right) {
    return cmp(ComparisonOp.EQ, left, right);
  }

  public static PlanExpr ge(PlanExpr left, PlanExpr right) {
    return cmp(ComparisonOp.GE, left, right);
  }

  public static PlanExpr lt(PlanExpr left, PlanExpr right) {
    return cmp(ComparisonOp.LT, left, right);
  }

  public static PlanExpr and(PlanExpr... operands) {
    return new PlanExpr.And(List.of(operands));
  }

  public static PlanExpr or(PlanExpr... operands) {
    return new PlanExpr.Or(List.of(operands));
  }

  public static PlanExpr not(PlanExpr operand) {
    return new PlanExpr.Not(operand);
  }

  public static PlanExpr arith(ArithmeticOp op, PlanExpr left, PlanExpr right, ValueType type) {
    return new PlanExpr.Arithmetic(op, left, right, type);
  }

  public static PlanExpr cast(PlanExpr operand, ValueType type) {
    return new PlanExpr.Cast(operand, type);
  }

  public static PlanExpr neg(PlanExpr operand) {
    return new PlanExpr.Negate(operand, operand.type());
  }

  public static ListPlan list(String name, ValueType type, Object... values) {
    return new ListPlan(name, type, Arrays.asList(values));
  }

  public static PlanExpr in(PlanExpr value, ListPlan list) {
    return new PlanExpr.InList(value, list, false);
  }

  public static PlanExpr notIn(PlanExpr value, ListPlan list) {
    return new PlanExpr.InList(value, list, true);
  }

  public static PlanExpr between(PlanExpr value, PlanExpr low, PlanExpr high) {
    return new PlanExpr.Between(value, low, high, false);
  }

  public static PlanExpr isNull(PlanExpr value) {
    return new PlanExpr.IsNull(value, false);
  }

  public static PlanExpr isNotNull(PlanExpr value) {
    return new PlanExpr.IsNull(value, true);
  }

  public static PlanExpr matches(PlanExpr value, String regex) {
    return new PlanExpr.Matches(value, regex);
  }

  public static PlanExpr anyPrefix(PlanExpr value, ListPlan list) {
    return new PlanExpr.AnyPrefix(value, list);
  }

  public static PlanExpr call(Function function, ValueType type, PlanExpr... args) {
    return new PlanExpr.Call(function, List.of(args), type);
  }

  public static PlanExpr lookup(TablePlan table, PlanExpr key, String column) {
    int index = table.columnIndex(column);
    return new PlanExpr.TableLookup(table, key, index, table.columns().get(index).type());
  }

  public static PlanExpr stepField(int stepIndex, String field, int position, ValueType type) {
    return new PlanExpr.StepField("s" + stepIndex, stepIndex, field, position, type);
  }

  public static PlanExpr stepAgg(AggregateFunction function, int stepIndex, int position, ValueType type) {
    return new PlanExpr.StepAggregate(function, "s" + stepIndex, stepIndex, position, type);
  }

  public static PlanExpr windowAgg(int slot, ValueType type) {
    return new PlanExpr.WindowAggregate(slot, type);
  }

  public static PlanExpr keyField(String name, int index, ValueType type) {
    return new PlanExpr.KeyField(name, index, type);
  }
}
