package dev.tollgate.engine.eval;

import dev.tollgate.dsl.plan.PlanExpr.Function;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Built-in functions as closures. Every function except {@code coalesce} yields null when an
 * argument is null (a string predicate's null is "unknown", which no condition accepts).
 */
final class FunctionCompiler {
  /** Mean Earth radius (IUGG), the usual choice for great-circle distances. */
  static final double EARTH_RADIUS_KM = 6371.0088;

  private static final double MILLIS_PER_MINUTE = 60_000.0;
  private static final double MILLIS_PER_HOUR = 3_600_000.0;

  private FunctionCompiler() {}

  /**
   * @param args compiled arguments
   * @param argTypes the arguments' plan types
   * @param type the call's result type
   */
  static Evaluator call(Function function, List<Evaluator> args, List<ValueType> argTypes, ValueType type) {
    return switch (function) {
      case LOWER -> unaryString(args.get(0), s -> s.toLowerCase(Locale.ROOT));
      case UPPER -> unaryString(args.get(0), s -> s.toUpperCase(Locale.ROOT));
      case LEN -> {
        Evaluator s = args.get(0);
        yield c -> {
          String v = (String) s.evaluate(c);
          return v == null ? null : (Object) (long) v.codePointCount(0, v.length());
        };
      }
      case CONTAINS -> stringPredicate(args, (s, t) -> s.contains(t));
      case STARTS_WITH -> stringPredicate(args, (s, t) -> s.startsWith(t));
      case ENDS_WITH -> stringPredicate(args, (s, t) -> s.endsWith(t));
      case ABS -> abs(args.get(0), type);
      case ROUND -> round(args.get(0), args.size() > 1 ? args.get(1) : c -> 0L, type);
      case MIN -> extreme(args, argTypes.get(0) == ValueType.NULL ? type : argTypes.get(0), -1);
      case MAX -> extreme(args, argTypes.get(0) == ValueType.NULL ? type : argTypes.get(0), 1);
      case COALESCE -> coalesce(args);
      case DISTANCE_KM -> distanceKm(args.get(0), args.get(1), args.get(2), args.get(3));
      case MINUTES_BETWEEN -> between(args.get(0), args.get(1), MILLIS_PER_MINUTE);
      case HOURS_BETWEEN -> between(args.get(0), args.get(1), MILLIS_PER_HOUR);
    };
  }

  interface StringOp extends java.io.Serializable {
    String apply(String s);
  }

  interface StringTest extends java.io.Serializable {
    boolean test(String s, String t);
  }

  private static Evaluator unaryString(Evaluator arg, StringOp op) {
    return c -> {
      String s = (String) arg.evaluate(c);
      return s == null ? null : op.apply(s);
    };
  }

  private static Evaluator stringPredicate(List<Evaluator> args, StringTest test) {
    Evaluator first = args.get(0);
    Evaluator second = args.get(1);
    return c -> {
      String s = (String) first.evaluate(c);
      String t = s == null ? null : (String) second.evaluate(c);
      return t == null ? null : (Object) test.test(s, t);
    };
  }

  private static Evaluator abs(Evaluator arg, ValueType type) {
    return switch (type) {
      case LONG, DURATION -> c -> {
        Long v = (Long) arg.evaluate(c);
        return v == null || v == Long.MIN_VALUE ? null : (Object) Math.abs(v);
      };
      case DECIMAL -> c -> {
        BigDecimal v = (BigDecimal) arg.evaluate(c);
        return v == null ? null : v.abs();
      };
      case DOUBLE -> c -> {
        Double v = (Double) arg.evaluate(c);
        return v == null ? null : (Object) Math.abs(v);
      };
      default -> c -> null;
    };
  }

  /**
   * {@code round(n, digits)}, half-up (away from zero on a tie, as on a receipt). Negative digits
   * round to tens, hundreds, ...; a long with digits ≥ 0 is already round.
   */
  private static Evaluator round(Evaluator arg, Evaluator digitsArg, ValueType type) {
    return switch (type) {
      case DECIMAL -> c -> {
        BigDecimal v = (BigDecimal) arg.evaluate(c);
        Integer digits = v == null ? null : digits(digitsArg.evaluate(c));
        return digits == null ? null : v.setScale(digits, RoundingMode.HALF_UP);
      };
      case LONG -> c -> {
        Long v = (Long) arg.evaluate(c);
        Integer digits = v == null ? null : digits(digitsArg.evaluate(c));
        if (digits == null) {
          return null;
        }
        if (digits >= 0) {
          return v;
        }
        BigDecimal rounded = BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP);
        try {
          return rounded.longValueExact();
        } catch (ArithmeticException overflow) {
          return null;
        }
      };
      case DOUBLE -> c -> {
        Double v = (Double) arg.evaluate(c);
        Integer digits = v == null ? null : digits(digitsArg.evaluate(c));
        if (digits == null) {
          return null;
        }
        if (v.isNaN() || v.isInfinite()) {
          return v;
        }
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).doubleValue();
      };
      default -> c -> null;
    };
  }

  /** Digits as an int; absurd precisions (beyond what any value has) are unknown. */
  private static Integer digits(Object value) {
    if (value == null) {
      return null;
    }
    long d = ((Number) value).longValue();
    return d < -1000 || d > 1000 ? null : (int) d;
  }

  private static Evaluator extreme(List<Evaluator> args, ValueType type, int sign) {
    ValueComparator comparator = ValueComparator.forType(type);
    Evaluator[] all = args.toArray(Evaluator[]::new);
    return c -> {
      Object best = null;
      for (Evaluator arg : all) {
        Object v = arg.evaluate(c);
        if (v == null) {
          return null;
        }
        if (best == null || comparator.compare(v, best) * sign > 0) {
          best = v;
        }
      }
      return best;
    };
  }

  private static Evaluator coalesce(List<Evaluator> args) {
    Evaluator[] all = args.toArray(Evaluator[]::new);
    return c -> {
      for (Evaluator arg : all) {
        Object v = arg.evaluate(c);
        if (v != null) {
          return v;
        }
      }
      return null;
    };
  }

  /** Haversine great-circle distance; arguments are degrees of any numeric type. */
  private static Evaluator distanceKm(Evaluator lat1, Evaluator lon1, Evaluator lat2, Evaluator lon2) {
    return c -> {
      Number a = (Number) lat1.evaluate(c);
      Number b = a == null ? null : (Number) lon1.evaluate(c);
      Number d = b == null ? null : (Number) lat2.evaluate(c);
      Number e = d == null ? null : (Number) lon2.evaluate(c);
      if (e == null) {
        return null;
      }
      return haversineKm(a.doubleValue(), b.doubleValue(), d.doubleValue(), e.doubleValue());
    };
  }

  static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(lon2 - lon1);
    double sinPhi = Math.sin(dPhi / 2);
    double sinLambda = Math.sin(dLambda / 2);
    double h = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }

  /** {@code t2 - t1} in the given unit, negative when t2 is earlier. */
  private static Evaluator between(Evaluator t1, Evaluator t2, double millisPerUnit) {
    return c -> {
      Long from = (Long) t1.evaluate(c);
      Long to = from == null ? null : (Long) t2.evaluate(c);
      return to == null ? null : (Object) (((double) to - (double) from) / millisPerUnit);
    };
  }
}
