package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.Value;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Converts values written in tests to runtime values of a declared type: numbers to Long,
 * BigDecimal or Double; timestamps from ISO-8601 strings with a zone (or epoch milliseconds) to
 * epoch milliseconds. A value of the wrong kind is reported at the value.
 */
final class TestValues {
  /** Marks a value that could not be converted (null is a legitimate value). */
  static final Object INVALID = new Object();

  private final CheckContext context;

  TestValues(CheckContext context) {
    this.context = context;
  }

  /** The value for a field of {@code type} named {@code what}, or {@link #INVALID}. */
  Object convert(Value value, ValueType type, String what) {
    if (!(value instanceof Value.Scalar scalar)) {
      context.error(value.span(), what + " is " + type.keyword() + ", got " + describe(value));
      return INVALID;
    }
    Expression literal = scalar.literal();
    if (literal instanceof Expression.NullLiteral) {
      return null;
    }
    Object converted = switch (type) {
      case STRING -> literal instanceof Expression.StringLiteral s ? s.value() : INVALID;
      case BOOLEAN -> literal instanceof Expression.BooleanLiteral b ? (Object) b.value() : INVALID;
      case LONG -> integral(literal);
      case DECIMAL -> number(literal) == null ? INVALID : number(literal);
      case DOUBLE -> number(literal) == null ? INVALID : (Object) number(literal).doubleValue();
      case TIMESTAMP -> timestamp(literal, what);
      case DURATION -> literal instanceof Expression.DurationLiteral d ? (Object) d.millis() : INVALID;
      default -> INVALID;
    };
    if (converted == INVALID && !(type == ValueType.TIMESTAMP && literal instanceof Expression.StringLiteral)) {
      context.error(value.span(), what + " is " + type.keyword() + ", got " + describe(value));
    }
    return converted;
  }

  private static BigDecimal number(Expression literal) {
    if (literal instanceof Expression.NumberLiteral n) {
      return n.value();
    }
    if (literal instanceof Expression.Unary u && u.op() == Expression.UnaryOp.MINUS
        && u.operand() instanceof Expression.NumberLiteral n) {
      return n.value().negate();
    }
    return null;
  }

  private static Object integral(Expression literal) {
    BigDecimal number = number(literal);
    if (number == null) {
      return INVALID;
    }
    try {
      return number.longValueExact();
    } catch (ArithmeticException e) {
      return INVALID;
    }
  }

  private Object timestamp(Expression literal, String what) {
    if (literal instanceof Expression.StringLiteral s) {
      try {
        return OffsetDateTime.parse(s.value()).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        context.error(s.span(), what + " is a timestamp: expected ISO-8601 with a zone, e.g. \"2026-03-01T09:00:00Z\", got \""
            + s.value() + "\"");
        return INVALID;
      }
    }
    return integral(literal);
  }

  static String describe(Value value) {
    if (value instanceof Value.Array) {
      return "a list";
    }
    if (value instanceof Value.Object) {
      return "an object";
    }
    if (value instanceof Value.Symbol symbol) {
      return "the name " + symbol.name().value();
    }
    Expression literal = ((Value.Scalar) value).literal();
    if (literal instanceof Expression.StringLiteral) {
      return "a string";
    }
    if (literal instanceof Expression.BooleanLiteral) {
      return "a boolean";
    }
    if (literal instanceof Expression.DurationLiteral) {
      return "a duration";
    }
    BigDecimal number = number(literal);
    if (number != null) {
      return number.stripTrailingZeros().scale() <= 0 && literal instanceof Expression.NumberLiteral n && n.integral()
          ? "a whole number" : "a number with a fraction";
    }
    return "null";
  }
}
