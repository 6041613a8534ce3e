package dev.tollgate.dsl.check;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.diag.Suggestions;
import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.plan.PlanExpr.Function;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks calls of built-in functions; aggregate calls are delegated to {@link AggregateCallChecker}. */
final class FunctionChecker {
  private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "count_distinct", "baseline");
  private static final Set<String> ALL_NAMES = new TreeSet<>(AGGREGATES);

  static {
    for (Function function : Function.values()) {
      ALL_NAMES.add(function.sqlName());
    }
    ALL_NAMES.add("matches");
    ALL_NAMES.add("any_prefix");
  }

  private final CheckContext context;
  private final ExpressionChecker expressions;
  private final AggregateCallChecker aggregates;

  FunctionChecker(CheckContext context, ExpressionChecker expressions) {
    this.context = context;
    this.expressions = expressions;
    this.aggregates = new AggregateCallChecker(context, expressions);
  }

  ValueType check(Expression.FunctionCall call, Scope scope) {
    String name = call.name().value();
    int arity = call.arguments().size();
    boolean twoArgumentMinMax = (name.equals("min") || name.equals("max")) && arity == 2;
    if (AGGREGATES.contains(name) && !twoArgumentMinMax) {
      return aggregates.check(call, scope);
    }
    if (name.equals("matches")) {
      return matches(call, scope);
    }
    if (name.equals("any_prefix")) {
      return anyPrefix(call, scope);
    }
    Function function = builtin(name);
    if (function == null) {
      context.error(call.name().span(), "unknown function '" + name + "'" + Suggestions.didYouMean(name, ALL_NAMES));
      checkAll(call.arguments(), scope);
      return null;
    }
    List<ValueType> types = checkAll(call.arguments(), scope);
    int expected = switch (function) {
      case LOWER, UPPER, LEN, ABS -> 1;
      case DISTANCE_KM -> 4;
      default -> 2;
    };
    if (arity != expected) {
      context.error(call.span(), name + " takes " + expected + " argument" + (expected == 1 ? "" : "s") + ", got " + arity);
      return null;
    }
    if (types.contains(null)) {
      return null;
    }
    ValueType result = switch (function) {
      case LOWER, UPPER -> expect(call, types, ValueType.STRING) ? ValueType.STRING : null;
      case LEN -> expect(call, types, ValueType.STRING) ? ValueType.LONG : null;
      case CONTAINS, STARTS_WITH, ENDS_WITH -> expect(call, types, ValueType.STRING, ValueType.STRING) ? ValueType.BOOLEAN : null;
      case ABS -> numeric(call, 0, types.get(0)) ? types.get(0) : null;
      case ROUND -> numeric(call, 0, types.get(0)) && expect(call, types, null, ValueType.LONG) ? types.get(0) : null;
      case MIN, MAX, COALESCE -> same(call, types);
      case DISTANCE_KM -> allNumeric(call, types) ? ValueType.DOUBLE : null;
      case MINUTES_BETWEEN, HOURS_BETWEEN ->
          expect(call, types, ValueType.TIMESTAMP, ValueType.TIMESTAMP) ? ValueType.DOUBLE : null;
    };
    if (result != null) {
      context.analysis.resolve(call, new Resolution.Builtin(function, result));
    }
    return result;
  }

  private static Function builtin(String name) {
    for (Function function : Function.values()) {
      if (function.sqlName().equals(name)) {
        return function;
      }
    }
    return null;
  }

  private List<ValueType> checkAll(List<Expression> arguments, Scope scope) {
    List<ValueType> types = new ArrayList<>();
    for (Expression argument : arguments) {
      types.add(expressions.check(argument, scope));
    }
    return types;
  }

  /** Each argument has the expected type (null: any), or is the null literal. */
  private boolean expect(Expression.FunctionCall call, List<ValueType> types, ValueType... expected) {
    for (int i = 0; i < expected.length; i++) {
      if (expected[i] != null && types.get(i) != expected[i] && types.get(i) != ValueType.NULL) {
        context.error(call.arguments().get(i).span(), "argument " + (i + 1) + " of " + call.name().value()
            + " must be " + expected[i].keyword() + ", got " + types.get(i).keyword());
        return false;
      }
    }
    return true;
  }

  private boolean numeric(Expression.FunctionCall call, int index, ValueType type) {
    if (!type.isNumeric()) {
      context.error(call.arguments().get(index).span(), "argument " + (index + 1) + " of " + call.name().value()
          + " must be a number, got " + type.keyword());
      return false;
    }
    return true;
  }

  private boolean allNumeric(Expression.FunctionCall call, List<ValueType> types) {
    for (int i = 0; i < types.size(); i++) {
      if (!numeric(call, i, types.get(i))) {
        return false;
      }
    }
    return true;
  }

  private ValueType same(Expression.FunctionCall call, List<ValueType> types) {
    ValueType common = Types.common(types.get(0), types.get(1));
    if (common == null || common == ValueType.NULL) {
      context.error(call.span(), "arguments of " + call.name().value() + " must have the same type, got "
          + types.get(0).keyword() + " and " + types.get(1).keyword());
      return null;
    }
    if (!call.name().value().equals("coalesce") && !Types.ordered(common)) {
      context.error(call.span(), call.name().value() + " does not apply to " + common.keyword() + " values");
      return null;
    }
    return common;
  }

  private ValueType matches(Expression.FunctionCall call, Scope scope) {
    List<ValueType> types = checkAll(call.arguments(), scope);
    if (call.arguments().size() != 2) {
      context.error(call.span(), "matches takes 2 arguments, got " + call.arguments().size());
      return null;
    }
    if (types.get(0) != null && !expect(call, types.subList(0, 1), ValueType.STRING)) {
      return null;
    }
    if (!(call.arguments().get(1) instanceof Expression.StringLiteral regex)) {
      context.error(call.arguments().get(1).span(), "the pattern of matches must be a string literal");
      return null;
    }
    try {
      Pattern.compile(regex.value());
    } catch (PatternSyntaxException e) {
      context.error(regex.span(), "invalid regular expression: " + e.getDescription());
      return null;
    }
    if (types.get(0) == null) {
      return null;
    }
    context.analysis.resolve(call, new Resolution.Matches(regex.value()));
    return ValueType.BOOLEAN;
  }

  private ValueType anyPrefix(Expression.FunctionCall call, Scope scope) {
    if (call.arguments().size() != 2) {
      checkAll(call.arguments(), scope);
      context.error(call.span(), "any_prefix takes 2 arguments, got " + call.arguments().size());
      return null;
    }
    ValueType value = expressions.check(call.arguments().get(0), scope);
    if (!(call.arguments().get(1) instanceof Expression.Reference listName)) {
      context.error(call.arguments().get(1).span(), "the second argument of any_prefix must name a list");
      return null;
    }
    ListPlan list = expressions.namedList(listName.name());
    if (value == null || list == null) {
      return null;
    }
    if (value != ValueType.STRING && value != ValueType.NULL) {
      context.error(call.arguments().get(0).span(), "argument 1 of any_prefix must be string, got " + value.keyword());
      return null;
    }
    if (list.elementType() != ValueType.STRING) {
      context.error(listName.span(), "any_prefix needs a list of strings; " + list.name() + " holds "
          + list.elementType().keyword() + " values");
      return null;
    }
    context.analysis.resolve(call, new Resolution.NamedList(list.name()));
    return ValueType.BOOLEAN;
  }
}
