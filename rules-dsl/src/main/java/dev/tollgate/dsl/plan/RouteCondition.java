package dev.tollgate.dsl.plan;

import dev.tollgate.dsl.types.ValueType;
import java.io.Serializable;
import java.util.List;

/**
 * A route's {@code when}, resolved and typed against the fields of an alert. Values are in the
 * runtime representation of their field's type (see {@link ValueType}); literals were converted
 * by the checker, so an engine compares without deciding types.
 *
 * <p>Null logic is the language's: a comparison with a missing key field is unknown, {@code not}
 * of unknown is unknown, {@code and}/{@code or} are three-valued, and a route takes an alert only
 * when its condition is true.
 */
public sealed interface RouteCondition extends Serializable {

  /** No {@code when}: every active alert. */
  record Always() implements RouteCondition {}

  /** Every operand holds. */
  record All(List<RouteCondition> operands) implements RouteCondition {
    public All {
      operands = List.copyOf(operands);
    }
  }

  /** At least one operand holds. */
  record Any(List<RouteCondition> operands) implements RouteCondition {
    public Any {
      operands = List.copyOf(operands);
    }
  }

  /** Negation. */
  record Not(RouteCondition operand) implements RouteCondition {}

  /** {@code field op value}; the field is always on the left. */
  record Compare(AlertField field, PlanExpr.ComparisonOp op, Object value) implements RouteCondition {}

  /** {@code field [not] in [v, ...]} or {@code field [not] in list}. */
  record OneOf(AlertField field, List<Object> values, boolean negated) implements RouteCondition {
    public OneOf {
      values = List.copyOf(values);
    }
  }

  /** {@code severity op level}, in the order {@code low < medium < high < critical}. */
  record SeverityCompare(PlanExpr.ComparisonOp op, Severity level) implements RouteCondition {}

  /** {@code severity [not] in [level, ...]}. */
  record SeverityOneOf(List<Severity> levels, boolean negated) implements RouteCondition {
    public SeverityOneOf {
      levels = List.copyOf(levels);
    }
  }

  /** {@code "tag" [not] in tags}. */
  record HasTag(String tag, boolean negated) implements RouteCondition {}

  /** {@code key.field is [not] null}: whether the alert's key has a value for the field. */
  record IsNull(AlertField field, boolean negated) implements RouteCondition {}

  /** {@code starts_with(field, "text")}, {@code ends_with}, {@code contains}. */
  record TextTest(TextFunction function, AlertField field, String text) implements RouteCondition {}

  /** The string tests a route condition offers. */
  enum TextFunction {
    STARTS_WITH, ENDS_WITH, CONTAINS;

    /** The name analysts write. */
    public String sqlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A field of an alert a condition reads: {@code category} and {@code ruleId} (strings), or a
   * key field {@code key.<name>} with the type the rule set's rules give it.
   *
   * @param name the key field's name; for the other kinds, the field's own name
   */
  record AlertField(Kind kind, String name, ValueType type) implements Serializable {
    /** Which part of the alert. */
    public enum Kind { CATEGORY, RULE_ID, KEY }

    public static final AlertField CATEGORY = new AlertField(Kind.CATEGORY, "category", ValueType.STRING);
    public static final AlertField RULE_ID = new AlertField(Kind.RULE_ID, "ruleId", ValueType.STRING);

    public static AlertField key(String name, ValueType type) {
      return new AlertField(Kind.KEY, name, type);
    }

    /** As written in a condition: {@code category}, {@code ruleId}, {@code key.accountId}. */
    public String written() {
      return kind == Kind.KEY ? "key." + name : name;
    }
  }
}
