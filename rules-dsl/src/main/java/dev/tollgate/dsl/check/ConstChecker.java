package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.diag.Diagnostic;
import dev.tollgate.dsl.diag.Suggestions;
import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Consts, inline lists and {@code --param} overrides. A const's type is its literal's type
 * (whole number → long, fraction → decimal, string, boolean, duration); an override must parse as
 * that type, so overriding never changes how a rule type-checks.
 */
final class ConstChecker {
  /** Where command-line findings are reported. */
  static final String COMMAND_LINE = "command line";
  private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("(\\d[\\d_]*)(ms|s|m|h|d)");

  private final CheckContext context;

  ConstChecker(CheckContext context) {
    this.context = context;
  }

  /** The literal value of a const declaration, or null after an error. */
  ConstValue constant(Declaration.ConstDecl declaration) {
    return literal(declaration.value(), "const");
  }

  /** A literal's runtime value and type; null (reported) for null and non-literals. */
  ConstValue literal(Expression expression, String what) {
    if (expression instanceof Expression.NumberLiteral number) {
      if (number.integral()) {
        try {
          return new ConstValue(number.value().longValueExact(), ValueType.LONG);
        } catch (ArithmeticException e) {
          context.error(number.span(), "number too large for a long: " + number.value().toPlainString());
          return null;
        }
      }
      return new ConstValue(number.value(), ValueType.DECIMAL);
    }
    if (expression instanceof Expression.StringLiteral string) {
      return new ConstValue(string.value(), ValueType.STRING);
    }
    if (expression instanceof Expression.BooleanLiteral bool) {
      return new ConstValue(bool.value(), ValueType.BOOLEAN);
    }
    if (expression instanceof Expression.DurationLiteral duration) {
      if (duration.millis() < 0) {
        context.error(duration.span(), "duration too large: " + duration.text());
        return null;
      }
      return new ConstValue(duration.millis(), ValueType.DURATION);
    }
    if (expression instanceof Expression.Unary unary && unary.op() == Expression.UnaryOp.MINUS) {
      ConstValue inner = literal(unary.operand(), what);
      if (inner == null) {
        return null;
      }
      if (inner.value() instanceof Long l) {
        return new ConstValue(-l, inner.type());
      }
      if (inner.value() instanceof BigDecimal d) {
        return new ConstValue(d.negate(), inner.type());
      }
    }
    context.error(expression.span(), "a " + what + " needs a value: a number, string, boolean or duration, not null");
    return null;
  }

  /** Converts a const's value for a use of type {@code target} (numeric widening only). */
  static Object convert(Object value, ValueType target) {
    if (value == null) {
      return null;
    }
    return switch (target) {
      case DECIMAL -> value instanceof Long l ? BigDecimal.valueOf(l) : value;
      case DOUBLE -> value instanceof Number n ? n.doubleValue() : value;
      default -> value;
    };
  }

  ListPlan inlineList(Declaration.ListDecl list) {
    List<ConstValue> values = new ArrayList<>();
    ValueType elementType = null;
    boolean ok = true;
    for (Expression element : list.elements().orElse(List.of())) {
      ConstValue value = literal(element, "list element");
      if (value == null) {
        ok = false;
        continue;
      }
      ValueType common = elementType == null ? value.type() : Types.common(elementType, value.type());
      if (common == null) {
        context.error(element.span(), "list " + list.name().value() + " mixes " + elementType.keyword() + " and "
            + value.type().keyword() + " elements");
        ok = false;
        continue;
      }
      elementType = common;
      values.add(value);
    }
    if (!ok) {
      return null;
    }
    ValueType type = elementType == null ? ValueType.STRING : elementType;
    return new ListPlan(list.name().value(), type, values.stream().map(v -> convert(v.value(), type)).toList());
  }

  /** Applies {@code --param name=value} overrides to {@code consts}. */
  void applyOverrides(Map<String, String> overrides, Map<String, ConstValue> consts) {
    for (Map.Entry<String, String> entry : new java.util.TreeMap<>(overrides).entrySet()) {
      String name = entry.getKey();
      String text = entry.getValue();
      String shown = "--param " + name + "=" + text + ": ";
      if (!(context.symbols.lookup(name) instanceof Declaration.ConstDecl)) {
        context.diagnostics.add(Diagnostic.errorAtLine(COMMAND_LINE, 0, shown + "no const '" + name + "'"
            + Suggestions.didYouMean(name, context.symbols.namesOf(Declaration.ConstDecl.class))));
        continue;
      }
      ConstValue declared = consts.get(name);
      if (declared == null) {
        continue;
      }
      Object value = parse(text.strip(), declared.type());
      if (value == null) {
        context.diagnostics.add(Diagnostic.errorAtLine(COMMAND_LINE, 0, shown + "const '" + name + "' is a "
            + declared.type().keyword() + ", and '" + text + "' is not"));
        continue;
      }
      consts.put(name, new ConstValue(value, declared.type()));
    }
  }

  /** Parses command-line text as a value of {@code type}; null if it is not one. */
  static Object parse(String text, ValueType type) {
    try {
      return switch (type) {
        case LONG -> Long.parseLong(text.replace("_", ""));
        case DECIMAL -> new BigDecimal(text.replace("_", ""));
        case DOUBLE -> Double.parseDouble(text.replace("_", ""));
        case BOOLEAN -> text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
        case STRING -> text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
            ? text.substring(1, text.length() - 1) : text;
        case DURATION -> duration(text);
        default -> null;
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long duration(String text) {
    Matcher matcher = DURATION.matcher(text);
    if (!matcher.matches()) {
      return null;
    }
    long factor = switch (matcher.group(2)) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      default -> 86_400_000L;
    };
    try {
      return Math.multiplyExact(Long.parseLong(matcher.group(1).replace("_", "")), factor);
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
