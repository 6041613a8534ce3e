package dev.tollgate.engine.eval;

import dev.tollgate.dsl.plan.PlanExpr.ArithmeticOp;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Arithmetic, negation and widening casts as closures. The representation is chosen from the plan
 * types at compile time: {@code long}, {@code timestamp} and {@code duration} are all {@link Long}
 * and share the long closures, so {@code ts + 12h} is a checked long addition.
 *
 * <p>Results that do not exist are null, never exceptions, so a rule over odd data simply does not
 * match: division or modulo by zero (for every numeric type, including double), and long
 * overflow (checked with {@code Math.*Exact}; silently wrapping around would turn a huge amount
 * into a negative one and make rules fire or stay quiet for the wrong reason).
 */
final class ArithmeticCompiler {
  private static final MathContext DIVISION = MathContext.DECIMAL128;

  private ArithmeticCompiler() {}

  static Evaluator arithmetic(ArithmeticOp op, Evaluator l, Evaluator r, ValueType type) {
    return switch (type) {
      case LONG, TIMESTAMP, DURATION -> longOp(op, l, r);
      case DECIMAL -> decimalOp(op, l, r);
      case DOUBLE -> doubleOp(op, l, r);
      case NULL -> c -> null;
      default -> throw new IllegalArgumentException("no arithmetic on " + type);
    };
  }

  private static Evaluator longOp(ArithmeticOp op, Evaluator l, Evaluator r) {
    return switch (op) {
      case ADD -> c -> {
        Long a = (Long) l.evaluate(c);
        Long b = a == null ? null : (Long) r.evaluate(c);
        if (b == null) {
          return null;
        }
        long x = a;
        long y = b;
        long sum = x + y;
        return ((x ^ sum) & (y ^ sum)) < 0 ? null : (Object) sum;
      };
      case SUBTRACT -> c -> {
        Long a = (Long) l.evaluate(c);
        Long b = a == null ? null : (Long) r.evaluate(c);
        if (b == null) {
          return null;
        }
        long x = a;
        long y = b;
        long diff = x - y;
        return ((x ^ y) & (x ^ diff)) < 0 ? null : (Object) diff;
      };
      case MULTIPLY -> c -> {
        Long a = (Long) l.evaluate(c);
        Long b = a == null ? null : (Long) r.evaluate(c);
        if (b == null) {
          return null;
        }
        long x = a;
        long y = b;
        long hi = Math.multiplyHigh(x, y);
        long lo = x * y;
        return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? (Object) lo : null;
      };
      case DIVIDE -> c -> {
        Long a = (Long) l.evaluate(c);
        Long b = a == null ? null : (Long) r.evaluate(c);
        if (b == null || b == 0L || (a == Long.MIN_VALUE && b == -1L)) {
          return null;
        }
        return a / b;
      };
      case MODULO -> c -> {
        Long a = (Long) l.evaluate(c);
        Long b = a == null ? null : (Long) r.evaluate(c);
        if (b == null || b == 0L) {
          return null;
        }
        return b == -1L ? 0L : a % b;
      };
    };
  }

  private static Evaluator decimalOp(ArithmeticOp op, Evaluator l, Evaluator r) {
    return switch (op) {
      case ADD -> c -> {
        BigDecimal a = (BigDecimal) l.evaluate(c);
        BigDecimal b = a == null ? null : (BigDecimal) r.evaluate(c);
        return b == null ? null : a.add(b);
      };
      case SUBTRACT -> c -> {
        BigDecimal a = (BigDecimal) l.evaluate(c);
        BigDecimal b = a == null ? null : (BigDecimal) r.evaluate(c);
        return b == null ? null : a.subtract(b);
      };
      case MULTIPLY -> c -> {
        BigDecimal a = (BigDecimal) l.evaluate(c);
        BigDecimal b = a == null ? null : (BigDecimal) r.evaluate(c);
        return b == null ? null : a.multiply(b);
      };
      case DIVIDE -> c -> {
        BigDecimal a = (BigDecimal) l.evaluate(c);
        BigDecimal b = a == null ? null : (BigDecimal) r.evaluate(c);
        return b == null || b.signum() == 0 ? null : a.divide(b, DIVISION);
      };
      case MODULO -> c -> {
        BigDecimal a = (BigDecimal) l.evaluate(c);
        BigDecimal b = a == null ? null : (BigDecimal) r.evaluate(c);
        return b == null || b.signum() == 0 ? null : DecimalRemainder.of(a, b);
      };
    };
  }

  private static Evaluator doubleOp(ArithmeticOp op, Evaluator l, Evaluator r) {
    return switch (op) {
      case ADD -> c -> {
        Double a = (Double) l.evaluate(c);
        Double b = a == null ? null : (Double) r.evaluate(c);
        return b == null ? null : (Object) (a + b);
      };
      case SUBTRACT -> c -> {
        Double a = (Double) l.evaluate(c);
        Double b = a == null ? null : (Double) r.evaluate(c);
        return b == null ? null : (Object) (a - b);
      };
      case MULTIPLY -> c -> {
        Double a = (Double) l.evaluate(c);
        Double b = a == null ? null : (Double) r.evaluate(c);
        return b == null ? null : (Object) (a * b);
      };
      case DIVIDE -> c -> {
        Double a = (Double) l.evaluate(c);
        Double b = a == null ? null : (Double) r.evaluate(c);
        return b == null || b == 0.0 ? null : (Object) (a / b);
      };
      case MODULO -> c -> {
        Double a = (Double) l.evaluate(c);
        Double b = a == null ? null : (Double) r.evaluate(c);
        return b == null || b == 0.0 ? null : (Object) (a % b);
      };
    };
  }

  static Evaluator negate(Evaluator operand, ValueType type) {
    return switch (type) {
      case LONG, DURATION -> c -> {
        Long a = (Long) operand.evaluate(c);
        return a == null || a == Long.MIN_VALUE ? null : (Object) (-a);
      };
      case DECIMAL -> c -> {
        BigDecimal a = (BigDecimal) operand.evaluate(c);
        return a == null ? null : a.negate();
      };
      case DOUBLE -> c -> {
        Double a = (Double) operand.evaluate(c);
        return a == null ? null : (Object) (-a);
      };
      case NULL -> c -> null;
      default -> throw new IllegalArgumentException("cannot negate " + type);
    };
  }

  /** Numeric widening {@code long → decimal → double}; a cast to the operand's own type is free. */
  static Evaluator cast(Evaluator operand, ValueType from, ValueType to) {
    if (from == to) {
      return operand;
    }
    if (from == ValueType.NULL) {
      return c -> null;
    }
    if (from == ValueType.LONG && to == ValueType.DECIMAL) {
      return c -> {
        Long a = (Long) operand.evaluate(c);
        return a == null ? null : BigDecimal.valueOf(a);
      };
    }
    if (from == ValueType.LONG && to == ValueType.DOUBLE) {
      return c -> {
        Long a = (Long) operand.evaluate(c);
        return a == null ? null : (Object) a.doubleValue();
      };
    }
    if (from == ValueType.DECIMAL && to == ValueType.DOUBLE) {
      return c -> {
        BigDecimal a = (BigDecimal) operand.evaluate(c);
        return a == null ? null : (Object) a.doubleValue();
      };
    }
    throw new IllegalArgumentException("no cast from " + from + " to " + to);
  }
}
