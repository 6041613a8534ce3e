package dev.tollgate.engine.route;

import dev.tollgate.dsl.plan.PlanExpr.ComparisonOp;
import dev.tollgate.dsl.plan.RouteCondition;
import dev.tollgate.dsl.plan.RouteCondition.AlertField;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.engine.alert.Alert;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Compiles a {@link RouteCondition} once into an {@link AlertTest} tree, so matching an alert reads
 * fields and compares without interpreting the plan. Comparisons of a key field read the alert's
 * key by name; a value of a narrower numeric type than the condition's literal (a {@code long} key
 * compared with a decimal) is widened first.
 */
final class RouteMatcher {
  private RouteMatcher() {}

  /** Whether {@code condition} takes {@code alert}: true, not false or unknown. */
  static AlertTest compile(RouteCondition condition) {
    if (condition instanceof RouteCondition.Always) {
      return alert -> AlertTest.TRUE;
    }
    if (condition instanceof RouteCondition.All all) {
      return connective(all.operands().stream().map(RouteMatcher::compile).toArray(AlertTest[]::new), AlertTest.FALSE);
    }
    if (condition instanceof RouteCondition.Any any) {
      return connective(any.operands().stream().map(RouteMatcher::compile).toArray(AlertTest[]::new), AlertTest.TRUE);
    }
    if (condition instanceof RouteCondition.Not not) {
      AlertTest operand = compile(not.operand());
      return alert -> {
        int value = operand.test(alert);
        return value == AlertTest.UNKNOWN ? AlertTest.UNKNOWN : 1 - value;
      };
    }
    if (condition instanceof RouteCondition.Compare compare) {
      return compare(compare);
    }
    if (condition instanceof RouteCondition.OneOf oneOf) {
      return oneOf(oneOf);
    }
    if (condition instanceof RouteCondition.SeverityCompare severity) {
      int level = severity.level().ordinal();
      IntPredicate holds = outcome(severity.op());
      return alert -> AlertTest.of(holds.test(Integer.compare(alert.severity().ordinal(), level)));
    }
    if (condition instanceof RouteCondition.SeverityOneOf severity) {
      Set<Severity> levels = EnumSet.copyOf(severity.levels());
      boolean negated = severity.negated();
      return alert -> AlertTest.of(levels.contains(alert.severity()) != negated);
    }
    if (condition instanceof RouteCondition.HasTag tag) {
      String wanted = tag.tag();
      boolean negated = tag.negated();
      return alert -> AlertTest.of(alert.tags().contains(wanted) != negated);
    }
    if (condition instanceof RouteCondition.IsNull isNull) {
      Function<Alert, Object> field = reader(isNull.field());
      boolean negated = isNull.negated();
      return alert -> AlertTest.of((field.apply(alert) == null) != negated);
    }
    return textTest((RouteCondition.TextTest) condition);
  }

  /**
   * {@code and} ({@code decisive} FALSE) or {@code or} ({@code decisive} TRUE): the decisive value
   * if any operand has it, else unknown if any operand is unknown, else the other value.
   */
  private static AlertTest connective(AlertTest[] operands, int decisive) {
    return alert -> {
      int result = 1 - decisive;
      for (AlertTest operand : operands) {
        int value = operand.test(alert);
        if (value == decisive) {
          return decisive;
        }
        if (value == AlertTest.UNKNOWN) {
          result = AlertTest.UNKNOWN;
        }
      }
      return result;
    };
  }

  private static AlertTest compare(RouteCondition.Compare compare) {
    Function<Alert, Object> field = reader(compare.field());
    Object literal = compare.value();
    IntPredicate holds = outcome(compare.op());
    boolean equality = compare.op() == ComparisonOp.EQ || compare.op() == ComparisonOp.NE;
    Object canonical = canonical(literal);
    return alert -> {
      Object value = field.apply(alert);
      if (value == null) {
        return AlertTest.UNKNOWN;
      }
      Object widened = widen(value, literal);
      if (widened.getClass() != literal.getClass()) {
        return AlertTest.UNKNOWN; // a key field of another type in some rule; never equal, never ordered
      }
      if (equality) {
        return AlertTest.of(canonical.equals(canonical(widened)) == (compare.op() == ComparisonOp.EQ));
      }
      return AlertTest.of(holds.test(order(widened, literal)));
    };
  }

  private static AlertTest oneOf(RouteCondition.OneOf oneOf) {
    Function<Alert, Object> field = reader(oneOf.field());
    Set<Object> values = new HashSet<>();
    oneOf.values().forEach(v -> values.add(canonical(v)));
    Object sample = oneOf.values().isEmpty() ? null : oneOf.values().get(0);
    boolean negated = oneOf.negated();
    return alert -> {
      Object value = field.apply(alert);
      if (value == null) {
        return AlertTest.UNKNOWN;
      }
      return AlertTest.of(values.contains(canonical(sample == null ? value : widen(value, sample))) != negated);
    };
  }

  private static AlertTest textTest(RouteCondition.TextTest test) {
    Function<Alert, Object> field = reader(test.field());
    String text = test.text();
    return switch (test.function()) {
      case STARTS_WITH -> alert -> text(field.apply(alert), s -> s.startsWith(text));
      case ENDS_WITH -> alert -> text(field.apply(alert), s -> s.endsWith(text));
      case CONTAINS -> alert -> text(field.apply(alert), s -> s.contains(text));
    };
  }

  private static int text(Object value, java.util.function.Predicate<String> test) {
    return value instanceof String s ? AlertTest.of(test.test(s)) : AlertTest.UNKNOWN;
  }

  private static Function<Alert, Object> reader(AlertField field) {
    return switch (field.kind()) {
      case CATEGORY -> Alert::category;
      case RULE_ID -> Alert::ruleId;
      case KEY -> {
        String name = field.name();
        yield alert -> alert.key().get(name);
      }
    };
  }

  private static IntPredicate outcome(ComparisonOp op) {
    return switch (op) {
      case EQ -> c -> c == 0;
      case NE -> c -> c != 0;
      case LT -> c -> c < 0;
      case LE -> c -> c <= 0;
      case GT -> c -> c > 0;
      case GE -> c -> c >= 0;
    };
  }

  /** {@code value} in the runtime class of {@code like} when both are numbers of different widths. */
  private static Object widen(Object value, Object like) {
    if (value.getClass() == like.getClass() || !(value instanceof Number number)) {
      return value;
    }
    if (like instanceof BigDecimal && value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (like instanceof Double) {
      return number.doubleValue();
    }
    return value;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int order(Object value, Object literal) {
    return ((Comparable) value).compareTo(literal);
  }

  /** Equal values compare equal: decimals without trailing zeros, and {@code -0.0} as {@code 0.0}. */
  private static Object canonical(Object value) {
    if (value instanceof BigDecimal d) {
      return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
    if (value instanceof Double d && d == 0.0) {
      return 0.0;
    }
    return value;
  }
}
