package dev.tollgate.engine.pattern;

import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.engine.eval.Condition;
import dev.tollgate.engine.eval.Evaluator;
import dev.tollgate.engine.event.Event;
import java.math.BigDecimal;
import java.util.List;

/**
 * Compiles the plan expressions a pattern rule needs: step conditions (a missing condition accepts
 * every event) and the deadline expression.
 */
final class PatternExpressions {

  private PatternExpressions() {}

  /** The compiled condition, or null when there is none (every event of the step's type fits). */
  static Condition condition(PlanExpr expr) {
    if (expr == null) {
      return null;
    }
    Evaluator evaluator = evaluator(expr);
    return ctx -> Boolean.TRUE.equals(evaluator.evaluate(ctx));
  }

  static Evaluator evaluator(PlanExpr expr) {
    return Interpreter.compile(expr);
  }

  /** A small tree-walking evaluator for the expressions pattern rules use. */
  private static final class Interpreter {
    static Evaluator compile(PlanExpr expr) {
      if (expr instanceof PlanExpr.Literal l) {
        Object value = l.value();
        return ctx -> value;
      }
      if (expr instanceof PlanExpr.EventField f) {
        int position = f.position();
        return ctx -> ctx.event() == null ? null : ctx.event().get(position);
      }
      if (expr instanceof PlanExpr.StepField f) {
        int step = f.stepIndex();
        int position = f.position();
        return ctx -> {
          List<Event> events = ctx.stepEvents(step);
          return events.isEmpty() ? null : events.get(events.size() - 1).get(position);
        };
      }
      if (expr instanceof PlanExpr.StepAggregate a) {
        int step = a.stepIndex();
        return ctx -> (long) ctx.stepEvents(step).size();
      }
      if (expr instanceof PlanExpr.KeyField k) {
        int index = k.index();
        return ctx -> ctx.keyField(index);
      }
      if (expr instanceof PlanExpr.Cast c) {
        return compile(c.operand());
      }
      if (expr instanceof PlanExpr.Arithmetic a) {
        Evaluator left = compile(a.left());
        Evaluator right = compile(a.right());
        boolean add = a.op() == PlanExpr.ArithmeticOp.ADD;
        return ctx -> {
          Object l = left.evaluate(ctx);
          Object r = right.evaluate(ctx);
          if (l == null || r == null) {
            return null;
          }
          if (l instanceof BigDecimal || r instanceof BigDecimal) {
            BigDecimal x = new BigDecimal(l.toString());
            BigDecimal y = new BigDecimal(r.toString());
            return add ? x.add(y) : x.subtract(y);
          }
          long x = ((Number) l).longValue();
          long y = ((Number) r).longValue();
          return add ? x + y : x - y;
        };
      }
      if (expr instanceof PlanExpr.Comparison c) {
        Evaluator left = compile(c.left());
        Evaluator right = compile(c.right());
        PlanExpr.ComparisonOp op = c.op();
        return ctx -> compare(op, left.evaluate(ctx), right.evaluate(ctx));
      }
      if (expr instanceof PlanExpr.And and) {
        List<Evaluator> operands = and.operands().stream().map(Interpreter::compile).toList();
        return ctx -> operands.stream().allMatch(o -> Boolean.TRUE.equals(o.evaluate(ctx)));
      }
      if (expr instanceof PlanExpr.Or or) {
        List<Evaluator> operands = or.operands().stream().map(Interpreter::compile).toList();
        return ctx -> operands.stream().anyMatch(o -> Boolean.TRUE.equals(o.evaluate(ctx)));
      }
      if (expr instanceof PlanExpr.Not not) {
        Evaluator operand = compile(not.operand());
        return ctx -> {
          Object v = operand.evaluate(ctx);
          return v == null ? Boolean.FALSE : !((Boolean) v);
        };
      }
      if (expr instanceof PlanExpr.InList in) {
        Evaluator value = compile(in.value());
        List<Object> values = in.list().values();
        boolean negated = in.negated();
        return ctx -> {
          Object v = value.evaluate(ctx);
          return v != null && values.contains(v) != negated;
        };
      }
      if (expr instanceof PlanExpr.IsNull n) {
        Evaluator value = compile(n.value());
        boolean negated = n.negated();
        return ctx -> (value.evaluate(ctx) == null) != negated;
      }
      throw new UnsupportedOperationException("not supported here: " + expr);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object compare(PlanExpr.ComparisonOp op, Object l, Object r) {
      if (l == null || r == null) {
        return Boolean.FALSE;
      }
      int c = l instanceof BigDecimal x && r instanceof BigDecimal y ? x.compareTo(y) : ((Comparable) l).compareTo(r);
      switch (op) {
        case EQ:
          return c == 0;
        case NE:
          return c != 0;
        case LT:
          return c < 0;
        case LE:
          return c <= 0;
        case GT:
          return c > 0;
        default:
          return c >= 0;
      }
    }
  }
}
