package dev.tollgate.dsl.explain;

import dev.tollgate.dsl.plan.RouteCondition;
import dev.tollgate.dsl.plan.Severity;
import java.util.List;

/**
 * Prints a {@link RouteCondition} back in rule-language syntax, parenthesised only where {@code
 * or} sits inside {@code and} or under {@code not}, with consts and named lists already replaced by
 * their values.
 */
final class RouteConditionPrinter {
  private static final int OR = 1;
  private static final int AND = 2;
  private static final int NOT = 3;

  private RouteConditionPrinter() {}

  static String print(RouteCondition condition) {
    return print(condition, 0);
  }

  private static String print(RouteCondition condition, int context) {
    if (condition instanceof RouteCondition.Always) {
      return "every active alert";
    }
    if (condition instanceof RouteCondition.All all) {
      return wrap(join(" and ", all.operands(), AND), AND, context);
    }
    if (condition instanceof RouteCondition.Any any) {
      return wrap(join(" or ", any.operands(), OR), OR, context);
    }
    if (condition instanceof RouteCondition.Not not) {
      return wrap("not " + print(not.operand(), NOT), NOT, context);
    }
    return test(condition);
  }

  private static String test(RouteCondition condition) {
    if (condition instanceof RouteCondition.Compare compare) {
      return compare.field().written() + " " + compare.op().symbol() + " "
          + PlanExprPrinter.literal(compare.value(), compare.field().type());
    }
    if (condition instanceof RouteCondition.OneOf oneOf) {
      return oneOf.field().written() + (oneOf.negated() ? " not in " : " in ")
          + values(oneOf.values().stream().map(v -> PlanExprPrinter.literal(v, oneOf.field().type())).toList());
    }
    if (condition instanceof RouteCondition.SeverityCompare severity) {
      return "severity " + severity.op().symbol() + " " + severity.level().keyword();
    }
    if (condition instanceof RouteCondition.SeverityOneOf severity) {
      return "severity" + (severity.negated() ? " not in " : " in ")
          + values(severity.levels().stream().map(Severity::keyword).toList());
    }
    if (condition instanceof RouteCondition.HasTag tag) {
      return PlanExprPrinter.quote(tag.tag()) + (tag.negated() ? " not in tags" : " in tags");
    }
    if (condition instanceof RouteCondition.IsNull isNull) {
      return isNull.field().written() + (isNull.negated() ? " is not null" : " is null");
    }
    RouteCondition.TextTest text = (RouteCondition.TextTest) condition;
    return text.function().sqlName() + "(" + text.field().written() + ", " + PlanExprPrinter.quote(text.text()) + ")";
  }

  private static String join(String separator, List<RouteCondition> operands, int strength) {
    return String.join(separator, operands.stream().map(o -> print(o, strength)).toList());
  }

  private static String values(List<String> values) {
    return "[" + String.join(", ", values) + "]";
  }

  private static String wrap(String text, int strength, int context) {
    return strength < context ? "(" + text + ")" : text;
  }
}
