package dev.tollgate.engine.eval;

import com.google.re2j.Pattern;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.PlanExpr.And;
import dev.tollgate.dsl.plan.PlanExpr.AnyPrefix;
import dev.tollgate.dsl.plan.PlanExpr.Arithmetic;
import dev.tollgate.dsl.plan.PlanExpr.Baseline;
import dev.tollgate.dsl.plan.PlanExpr.Between;
import dev.tollgate.dsl.plan.PlanExpr.Call;
import dev.tollgate.dsl.plan.PlanExpr.Cast;
import dev.tollgate.dsl.plan.PlanExpr.Comparison;
import dev.tollgate.dsl.plan.PlanExpr.ComparisonOp;
import dev.tollgate.dsl.plan.PlanExpr.EventField;
import dev.tollgate.dsl.plan.PlanExpr.InList;
import dev.tollgate.dsl.plan.PlanExpr.IsNull;
import dev.tollgate.dsl.plan.PlanExpr.KeyField;
import dev.tollgate.dsl.plan.PlanExpr.Literal;
import dev.tollgate.dsl.plan.PlanExpr.Matches;
import dev.tollgate.dsl.plan.PlanExpr.Negate;
import dev.tollgate.dsl.plan.PlanExpr.Not;
import dev.tollgate.dsl.plan.PlanExpr.Or;
import dev.tollgate.dsl.plan.PlanExpr.StepAggregate;
import dev.tollgate.dsl.plan.PlanExpr.StepField;
import dev.tollgate.dsl.plan.PlanExpr.TableLookup;
import dev.tollgate.dsl.plan.PlanExpr.WindowAggregate;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.event.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link PlanExpr} into a tree of closures, once per rule, so that evaluating it per
 * event touches only field positions, captured constants and prebuilt lookup structures: no
 * reflection, name lookups or type dispatch at run time. The closures are serializable and
 * stateless, so one compiled expression may be shared by all evaluations of an operator instance.
 *
 * <h2>Nulls</h2>
 * Boolean expressions use three-valued logic: an {@link Evaluator} for a predicate yields {@code
 * TRUE}, {@code FALSE} or null ("unknown") when an operand it needs is null. A {@link Condition}
 * accepts only {@code TRUE}. {@code and} is false if any operand is false, {@code or} true if any
 * is true, and {@code not} of unknown is unknown. So a missing value never makes a rule match,
 * not even through {@code not (amount > 100)} or {@code x not in list}; only {@code is null} and
 * {@code coalesce} see nulls. Other operations and functions with a null operand yield null.
 *
 * <h2>Arithmetic</h2>
 * Decimals are exact; division uses {@link java.math.MathContext#DECIMAL128}. Division or modulo
 * by zero and long (timestamp, duration) overflow yield null rather than failing or wrapping;
 * long division truncates toward zero. Decimal comparisons and list membership are numeric, so
 * {@code 9500 == 9500.00}.
 */
public final class ExpressionCompiler {

  /** Compiles an expression to a closure yielding its value, typed as {@link PlanExpr#type()} says. */
  public Evaluator compile(PlanExpr expr) {
    if (expr instanceof Literal literal) {
      return constant(Values.coerce(literal.value(), literal.type()));
    }
    if (expr instanceof EventField field) {
      return eventField(field.position());
    }
    if (expr instanceof StepField field) {
      return stepField(field.stepIndex(), field.position());
    }
    if (expr instanceof StepAggregate aggregate) {
      return stepAggregate(aggregate);
    }
    if (expr instanceof WindowAggregate aggregate) {
      int slot = aggregate.slot();
      return c -> c.aggregate(slot);
    }
    if (expr instanceof KeyField key) {
      int index = key.index();
      return c -> c.keyField(index);
    }
    if (expr instanceof Baseline baseline) {
      int slot = baseline.slot();
      int windows = baseline.windows();
      return c -> c.baseline(slot, windows);
    }
    if (expr instanceof Cast cast) {
      return ArithmeticCompiler.cast(compile(cast.operand()), cast.operand().type(), cast.type());
    }
    if (expr instanceof Negate negate) {
      return ArithmeticCompiler.negate(compile(negate.operand()), negate.type());
    }
    if (expr instanceof Arithmetic arithmetic) {
      return ArithmeticCompiler.arithmetic(
          arithmetic.op(), compile(arithmetic.left()), compile(arithmetic.right()), arithmeticType(arithmetic));
    }
    if (expr instanceof Comparison comparison) {
      return comparison(comparison);
    }
    if (expr instanceof And and) {
      return and(compileAll(and.operands()));
    }
    if (expr instanceof Or or) {
      return or(compileAll(or.operands()));
    }
    if (expr instanceof Not not) {
      return not(compile(not.operand()));
    }
    if (expr instanceof InList in) {
      return MembershipCompiler.inList(compile(in.value()), in.value().type(), in.list(), in.negated());
    }
    if (expr instanceof Between between) {
      return between(between);
    }
    if (expr instanceof IsNull isNull) {
      return isNull(compile(isNull.value()), isNull.negated());
    }
    if (expr instanceof Matches matches) {
      return matches(compile(matches.value()), matches.regex());
    }
    if (expr instanceof AnyPrefix anyPrefix) {
      return MembershipCompiler.anyPrefix(compile(anyPrefix.value()), anyPrefix.list());
    }
    if (expr instanceof Call call) {
      return FunctionCompiler.call(
          call.function(), compileAll(call.arguments()), types(call.arguments()), call.type());
    }
    if (expr instanceof TableLookup lookup) {
      return MembershipCompiler.tableLookup(
          lookup.table(), compile(lookup.key()), lookup.key().type(), lookup.column(), lookup.type());
    }
    throw new IllegalArgumentException("unknown expression " + expr);
  }

  /**
   * Compiles a boolean expression to a test that holds only when the expression is {@code TRUE}:
   * false and unknown (null) are both "no match". {@code and}/{@code or} at the top are compiled
   * as plain short-circuit boolean tests.
   */
  public Condition compileCondition(PlanExpr expr) {
    if (expr == null) {
      return c -> true;
    }
    if (expr instanceof And and) {
      Condition[] operands = and.operands().stream().map(this::compileCondition).toArray(Condition[]::new);
      return c -> {
        for (Condition operand : operands) {
          if (!operand.test(c)) {
            return false;
          }
        }
        return true;
      };
    }
    if (expr instanceof Or or) {
      Condition[] operands = or.operands().stream().map(this::compileCondition).toArray(Condition[]::new);
      return c -> {
        for (Condition operand : operands) {
          if (operand.test(c)) {
            return true;
          }
        }
        return false;
      };
    }
    Evaluator evaluator = compile(expr);
    return c -> Boolean.TRUE.equals(evaluator.evaluate(c));
  }

  private List<Evaluator> compileAll(List<PlanExpr> exprs) {
    List<Evaluator> compiled = new ArrayList<>(exprs.size());
    for (PlanExpr e : exprs) {
      compiled.add(compile(e));
    }
    return compiled;
  }

  private static List<ValueType> types(List<PlanExpr> exprs) {
    return exprs.stream().map(PlanExpr::type).toList();
  }

  private static Evaluator constant(Object value) {
    return c -> value;
  }

  private static Evaluator eventField(int position) {
    return c -> {
      Event e = c.event();
      return e == null ? null : e.get(position);
    };
  }

  private static Evaluator stepField(int stepIndex, int position) {
    return c -> {
      List<Event> events = c.stepEvents(stepIndex);
      return events == null || events.isEmpty() ? null : events.get(events.size() - 1).get(position);
    };
  }

  private static Evaluator stepAggregate(StepAggregate aggregate) {
    int stepIndex = aggregate.stepIndex();
    int position = aggregate.position();
    var function = aggregate.function();
    ValueType type = aggregate.type();
    return c -> {
      List<Event> events = c.stepEvents(stepIndex);
      return EventAggregates.compute(function, events == null ? List.of() : events, position, type);
    };
  }

  /**
   * The representation arithmetic works in. {@code timestamp - timestamp} is a duration and
   * {@code timestamp + duration} a timestamp; all three are longs.
   */
  private static ValueType arithmeticType(Arithmetic arithmetic) {
    ValueType type = arithmetic.type();
    if (type == ValueType.NULL) {
      return ValueType.NULL;
    }
    if (arithmetic.left().type() == ValueType.NULL || arithmetic.right().type() == ValueType.NULL) {
      return ValueType.NULL;
    }
    return type;
  }

  private static ValueType operandType(PlanExpr left, PlanExpr right) {
    return left.type() != ValueType.NULL ? left.type() : right.type();
  }

  private Evaluator comparison(Comparison comparison) {
    ValueType type = operandType(comparison.left(), comparison.right());
    if (type == ValueType.NULL) {
      return c -> null;
    }
    ValueComparator cmp = ValueComparator.forType(type);
    Evaluator l = compile(comparison.left());
    Evaluator r = compile(comparison.right());
    ComparisonOp op = comparison.op();
    return switch (op) {
      case EQ -> c -> {
        Object a = l.evaluate(c);
        Object b = a == null ? null : r.evaluate(c);
        return b == null ? null : (Object) (cmp.compare(a, b) == 0);
      };
      case NE -> c -> {
        Object a = l.evaluate(c);
        Object b = a == null ? null : r.evaluate(c);
        return b == null ? null : (Object) (cmp.compare(a, b) != 0);
      };
      case LT -> c -> {
        Object a = l.evaluate(c);
        Object b = a == null ? null : r.evaluate(c);
        return b == null ? null : (Object) (cmp.compare(a, b) < 0);
      };
      case LE -> c -> {
        Object a = l.evaluate(c);
        Object b = a == null ? null : r.evaluate(c);
        return b == null ? null : (Object) (cmp.compare(a, b) <= 0);
      };
      case GT -> c -> {
        Object a = l.evaluate(c);
        Object b = a == null ? null : r.evaluate(c);
        return b == null ? null : (Object) (cmp.compare(a, b) > 0);
      };
      case GE -> c -> {
        Object a = l.evaluate(c);
        Object b = a == null ? null : r.evaluate(c);
        return b == null ? null : (Object) (cmp.compare(a, b) >= 0);
      };
    };
  }

  /** Kleene conjunction: stops at the first false; unknown only if nothing is false. */
  private static Evaluator and(List<Evaluator> operands) {
    Evaluator[] all = operands.toArray(Evaluator[]::new);
    return c -> {
      boolean unknown = false;
      for (Evaluator operand : all) {
        Object v = operand.evaluate(c);
        if (v == null) {
          unknown = true;
        } else if (!(Boolean) v) {
          return Boolean.FALSE;
        }
      }
      return unknown ? null : Boolean.TRUE;
    };
  }

  /** Kleene disjunction: stops at the first true; unknown only if nothing is true. */
  private static Evaluator or(List<Evaluator> operands) {
    Evaluator[] all = operands.toArray(Evaluator[]::new);
    return c -> {
      boolean unknown = false;
      for (Evaluator operand : all) {
        Object v = operand.evaluate(c);
        if (v == null) {
          unknown = true;
        } else if ((Boolean) v) {
          return Boolean.TRUE;
        }
      }
      return unknown ? null : Boolean.FALSE;
    };
  }

  private static Evaluator not(Evaluator operand) {
    return c -> {
      Object v = operand.evaluate(c);
      return v == null ? null : (Object) !(Boolean) v;
    };
  }

  private Evaluator between(Between between) {
    ValueType type = between.value().type();
    if (type == ValueType.NULL) {
      return c -> null;
    }
    ValueComparator cmp = ValueComparator.forType(type);
    Evaluator value = compile(between.value());
    Evaluator low = compile(between.low());
    Evaluator high = compile(between.high());
    boolean negated = between.negated();
    return c -> {
      Object v = value.evaluate(c);
      Object lo = v == null ? null : low.evaluate(c);
      Object hi = lo == null ? null : high.evaluate(c);
      if (hi == null) {
        return null;
      }
      boolean inside = cmp.compare(lo, v) <= 0 && cmp.compare(v, hi) <= 0;
      return inside != negated;
    };
  }

  private static Evaluator isNull(Evaluator value, boolean negated) {
    return negated ? c -> value.evaluate(c) != null : c -> value.evaluate(c) == null;
  }

  /**
   * RE2 search anywhere in the string (like {@code find}), compiled once; linear time on any input.
   * Strings without any literal every match needs ({@link RegexPrefilter}) are refused before the
   * automaton runs.
   */
  private static Evaluator matches(Evaluator value, String regex) {
    Pattern pattern = Pattern.compile(regex);
    String[] literals = RegexPrefilter.requiredLiterals(regex);
    if (literals == null) {
      return c -> {
        Object s = value.evaluate(c);
        return s == null ? null : (Object) pattern.matcher((String) s).find();
      };
    }
    return c -> {
      Object s = value.evaluate(c);
      if (s == null) {
        return null;
      }
      String text = (String) s;
      return RegexPrefilter.containsAny(text, literals) && pattern.matcher(text).find();
    };
  }
}
