package dev.tollgate.dsl.plan;

import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.check.Analysis;
import dev.tollgate.dsl.check.ConstValue;
import dev.tollgate.dsl.check.Resolution;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lowers checked expressions to {@link PlanExpr}: names become positions, consts become literals
 * (with overrides applied), lists and tables are embedded, {@code and}/{@code or} chains are
 * flattened, and {@link PlanExpr.Cast}s make operands share a type (casts of literals are folded).
 * Only called on expressions the checker accepted.
 */
final class ExpressionLowering {
  private final Analysis analysis;
  private final Map<String, ConstValue> consts;
  private final Map<String, ListPlan> lists;
  private final Map<String, TablePlan> tables;
  /** Window aggregates of the rule being lowered, in slot order; null where there are none. */
  private final List<AggregateSpec> windowAggregates;

  ExpressionLowering(Analysis analysis, Map<String, ConstValue> consts, Map<String, ListPlan> lists,
      Map<String, TablePlan> tables, List<AggregateSpec> windowAggregates) {
    this.analysis = analysis;
    this.consts = consts;
    this.lists = lists;
    this.tables = tables;
    this.windowAggregates = windowAggregates;
  }

  PlanExpr lower(Expression expression) {
    if (expression instanceof Expression.NullLiteral) {
      return new PlanExpr.Literal(null, ValueType.NULL);
    } else if (expression instanceof Expression.BooleanLiteral b) {
      return new PlanExpr.Literal(b.value(), ValueType.BOOLEAN);
    } else if (expression instanceof Expression.NumberLiteral n) {
      return n.integral() ? new PlanExpr.Literal(n.value().longValueExact(), ValueType.LONG)
          : new PlanExpr.Literal(n.value(), ValueType.DECIMAL);
    } else if (expression instanceof Expression.StringLiteral s) {
      return new PlanExpr.Literal(s.value(), ValueType.STRING);
    } else if (expression instanceof Expression.DurationLiteral d) {
      return new PlanExpr.Literal(d.millis(), ValueType.DURATION);
    } else if (expression instanceof Expression.Reference || expression instanceof Expression.FieldAccess) {
      return resolved(expression);
    } else if (expression instanceof Expression.FunctionCall call) {
      return call(call);
    } else if (expression instanceof Expression.Unary u) {
      return unary(u);
    } else if (expression instanceof Expression.Arithmetic a) {
      ValueType type = analysis.typeOf(a);
      PlanExpr left = lower(a.left());
      PlanExpr right = lower(a.right());
      if (type.isNumeric()) {
        left = coerce(left, type);
        right = coerce(right, type);
      }
      return new PlanExpr.Arithmetic(PlanExpr.ArithmeticOp.valueOf(a.op().name()), left, right, type);
    } else if (expression instanceof Expression.Comparison c) {
      PlanExpr left = lower(c.left());
      PlanExpr right = lower(c.right());
      ValueType common = common(left.type(), right.type());
      return new PlanExpr.Comparison(PlanExpr.ComparisonOp.valueOf(c.op().name()), coerce(left, common), coerce(right, common));
    } else if (expression instanceof Expression.Logical l) {
      List<PlanExpr> operands = new ArrayList<>();
      flatten(l, l.op(), operands);
      return l.op() == Expression.LogicalOp.AND ? new PlanExpr.And(operands) : new PlanExpr.Or(operands);
    } else if (expression instanceof Expression.Not n) {
      return new PlanExpr.Not(lower(n.operand()));
    } else if (expression instanceof Expression.Between b) {
      PlanExpr value = lower(b.value());
      PlanExpr low = lower(b.low());
      PlanExpr high = lower(b.high());
      ValueType common = common(common(value.type(), low.type()), high.type());
      return new PlanExpr.Between(coerce(value, common), coerce(low, common), coerce(high, common), b.negated());
    } else if (expression instanceof Expression.InList in) {
      return inList(in);
    } else if (expression instanceof Expression.InNamedList in) {
      PlanExpr value = lower(in.value());
      ListPlan list = lists.get(in.list().value());
      ValueType common = common(value.type(), list.elementType());
      return new PlanExpr.InList(coerce(value, common), retype(list, common), in.negated());
    } else if (expression instanceof Expression.IsNull n) {
      return new PlanExpr.IsNull(lower(n.value()), n.negated());
    }
    throw new IllegalStateException("cannot lower " + expression.getClass().getSimpleName());
  }

  private void flatten(Expression expression, Expression.LogicalOp op, List<PlanExpr> out) {
    if (expression instanceof Expression.Logical l && l.op() == op) {
      flatten(l.left(), op, out);
      flatten(l.right(), op, out);
    } else {
      out.add(lower(expression));
    }
  }

  private PlanExpr unary(Expression.Unary unary) {
    PlanExpr operand = lower(unary.operand());
    if (unary.op() == Expression.UnaryOp.PLUS) {
      return operand;
    }
    if (operand instanceof PlanExpr.Literal literal && literal.value() != null) {
      Object value = literal.value();
      if (value instanceof BigDecimal d) {
        return new PlanExpr.Literal(d.negate(), literal.type());
      }
      if (value instanceof Long l) {
        return new PlanExpr.Literal(-l, literal.type());
      }
      if (value instanceof Double d) {
        return new PlanExpr.Literal(-d, literal.type());
      }
    }
    return new PlanExpr.Negate(operand, operand.type());
  }

  private PlanExpr resolved(Expression expression) {
    Resolution resolution = analysis.resolutionOf(expression);
    if (resolution instanceof Resolution.EventField f) {
      return new PlanExpr.EventField(f.name(), f.position(), f.type());
    } else if (resolution instanceof Resolution.KeyField k) {
      return new PlanExpr.KeyField(k.name(), k.index(), k.type());
    } else if (resolution instanceof Resolution.StepField s) {
      return new PlanExpr.StepField(s.step(), s.stepIndex(), s.field(), s.position(), s.type());
    } else if (resolution instanceof Resolution.Const c) {
      ConstValue value = consts.get(c.name());
      return new PlanExpr.Literal(value.value(), value.type());
    } else if (resolution instanceof Resolution.SelectSlot s) {
      return new PlanExpr.WindowAggregate(s.slot(), s.type());
    } else if (resolution instanceof Resolution.TableColumn t) {
      Expression.TableLookup lookup = (Expression.TableLookup) ((Expression.FieldAccess) expression).base();
      return new PlanExpr.TableLookup(tables.get(t.table()), coerce(lower(lookup.key()), ValueType.STRING), t.column(), t.type());
    }
    throw new IllegalStateException("unresolved name at " + expression.span());
  }

  private PlanExpr call(Expression.FunctionCall call) {
    Resolution resolution = analysis.resolutionOf(call);
    List<Expression> arguments = call.arguments();
    if (resolution instanceof Resolution.Matches m) {
      return new PlanExpr.Matches(coerce(lower(arguments.get(0)), ValueType.STRING), m.regex());
    } else if (resolution instanceof Resolution.NamedList l) {
      return new PlanExpr.AnyPrefix(coerce(lower(arguments.get(0)), ValueType.STRING), lists.get(l.list()));
    } else if (resolution instanceof Resolution.StepAggregate s) {
      return new PlanExpr.StepAggregate(s.function(), s.step(), s.stepIndex(), s.position(), s.type());
    } else if (resolution instanceof Resolution.Baseline b) {
      return new PlanExpr.Baseline(b.slot(), b.windows(), b.type());
    } else if (resolution instanceof Resolution.WindowAggregate w) {
      AggregateSpec spec = new AggregateSpec(w.function(), w.argument() == null ? null : lower(w.argument()), w.type());
      int slot = windowAggregates.indexOf(spec);
      if (slot < 0) {
        slot = windowAggregates.size();
        windowAggregates.add(spec);
      }
      return new PlanExpr.WindowAggregate(slot, w.type());
    }
    Resolution.Builtin builtin = (Resolution.Builtin) resolution;
    List<PlanExpr> lowered = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      lowered.add(coerce(lower(arguments.get(i)), parameterType(builtin, i)));
    }
    return new PlanExpr.Call(builtin.function(), lowered, builtin.type());
  }

  /** The aggregate a select item computes (select items are never merged: each has its own slot). */
  AggregateSpec selectAggregate(Expression expression) {
    Resolution.WindowAggregate w = (Resolution.WindowAggregate) analysis.resolutionOf(expression);
    return new AggregateSpec(w.function(), w.argument() == null ? null : lower(w.argument()), w.type());
  }

  private static ValueType parameterType(Resolution.Builtin builtin, int index) {
    return switch (builtin.function()) {
      case LOWER, UPPER, LEN, CONTAINS, STARTS_WITH, ENDS_WITH -> ValueType.STRING;
      case ABS, MIN, MAX, COALESCE -> builtin.type();
      case ROUND -> index == 0 ? builtin.type() : ValueType.LONG;
      case DISTANCE_KM -> ValueType.DOUBLE;
      case MINUTES_BETWEEN, HOURS_BETWEEN -> ValueType.TIMESTAMP;
    };
  }

  private PlanExpr inList(Expression.InList in) {
    PlanExpr value = lower(in.value());
    List<PlanExpr> elements = new ArrayList<>();
    ValueType common = value.type();
    for (Expression element : in.elements()) {
      PlanExpr lowered = lower(element);
      elements.add(lowered);
      common = common(common, lowered.type());
    }
    List<Object> values = new ArrayList<>();
    for (PlanExpr element : elements) {
      values.add(((PlanExpr.Literal) coerce(element, common)).value());
    }
    return new PlanExpr.InList(coerce(value, common), new ListPlan("", common, values), in.negated());
  }

  private static ListPlan retype(ListPlan list, ValueType type) {
    if (list.elementType() == type) {
      return list;
    }
    return new ListPlan(list.name(), type, list.values().stream().map(v -> convert(v, type)).toList());
  }

  /** The type two operands meet in (the checker has made sure there is one). */
  static ValueType common(ValueType a, ValueType b) {
    if (a == b || b == ValueType.NULL) {
      return a;
    }
    if (a == ValueType.NULL) {
      return b;
    }
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(ValueType type) {
    return type == ValueType.LONG ? 0 : type == ValueType.DECIMAL ? 1 : type == ValueType.DOUBLE ? 2 : -1;
  }

  /** {@code expression} as {@code target}: unchanged, a typed null, a folded literal, or a Cast. */
  static PlanExpr coerce(PlanExpr expression, ValueType target) {
    if (expression.type() == target || target == ValueType.NULL) {
      return expression;
    }
    if (expression instanceof PlanExpr.Literal literal) {
      return new PlanExpr.Literal(convert(literal.value(), target), target);
    }
    return new PlanExpr.Cast(expression, target);
  }

  static Object convert(Object value, ValueType target) {
    if (value == null) {
      return null;
    }
    if (target == ValueType.DECIMAL && value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (target == ValueType.DOUBLE && value instanceof Number n) {
      return n.doubleValue();
    }
    return value;
  }
}
