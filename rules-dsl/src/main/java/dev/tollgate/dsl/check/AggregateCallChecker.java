package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.types.ValueType;

/**
 * Checks aggregate calls: {@code count() sum(f) avg(f) min(f) max(f) count_distinct(f)} over a
 * window, {@code count(step) sum(step.f) ...} over pattern steps, and {@code baseline(name, n)} in
 * spike conditions. Where a clause does not allow aggregates, says where they belong.
 */
final class AggregateCallChecker {
  private final CheckContext context;
  private final ExpressionChecker expressions;

  AggregateCallChecker(CheckContext context, ExpressionChecker expressions) {
    this.context = context;
    this.expressions = expressions;
  }

  ValueType check(Expression.FunctionCall call, Scope scope) {
    String name = call.name().value();
    if (name.equals("baseline")) {
      return baseline(call, scope);
    }
    AggregateFunction function = AggregateFunction.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    return switch (scope.aggregates()) {
      case WINDOW -> window(call, function, scope);
      case STEPS -> steps(call, function, scope);
      default -> {
        context.error(call.span(), "aggregate " + name + "() is not allowed in " + scope.clause()
            + "; aggregates belong in having, select, spike conditions and alert templates");
        yield null;
      }
    };
  }

  private ValueType window(Expression.FunctionCall call, AggregateFunction function, Scope scope) {
    String name = call.name().value();
    if (function == AggregateFunction.COUNT) {
      if (!call.arguments().isEmpty()) {
        context.error(call.span(), "count takes no argument here: count() counts the window's events");
        return null;
      }
      return bind(call, new Resolution.WindowAggregate(function, null, ValueType.LONG));
    }
    if (call.arguments().size() != 1) {
      context.error(call.span(), name + " takes 1 argument, got " + call.arguments().size());
      return null;
    }
    Expression argument = call.arguments().get(0);
    ValueType type = expressions.check(argument, scope.argumentScope());
    ValueType result = resultType(call, function, argument, type);
    return result == null ? null : bind(call, new Resolution.WindowAggregate(function, argument, result));
  }

  private ValueType steps(Expression.FunctionCall call, AggregateFunction function, Scope scope) {
    String name = call.name().value();
    if (call.arguments().size() != 1) {
      context.error(call.span(), function == AggregateFunction.COUNT
          ? "count takes a step in a pattern rule: count(step)"
          : name + " takes a step's field in a pattern rule: " + name + "(step.field)");
      return null;
    }
    Expression argument = call.arguments().get(0);
    if (function == AggregateFunction.COUNT) {
      if (!(argument instanceof Expression.Reference reference)) {
        context.error(argument.span(), "count takes a step in a pattern rule: count(step)");
        return null;
      }
      Scope.Step step = scope.step(reference.name().value());
      if (step == null) {
        expressions.reportUnknownStep(reference, scope);
        return null;
      }
      return bind(call, new Resolution.StepAggregate(function, step.alias(), step.index(), -1, ValueType.LONG));
    }
    if (!(argument instanceof Expression.FieldAccess access) || !(access.base() instanceof Expression.Reference)) {
      context.error(argument.span(), name + " takes a step's field in a pattern rule: " + name + "(step.field)");
      return null;
    }
    ValueType type = expressions.check(argument, scope);
    if (type == null) {
      return null;
    }
    Resolution.StepField field = (Resolution.StepField) context.analysis.resolutionOf(access);
    ValueType result = resultType(call, function, argument, type);
    return result == null ? null
        : bind(call, new Resolution.StepAggregate(function, field.step(), field.stepIndex(), field.position(), result));
  }

  /** The aggregate's result type for an argument of {@code type}, or null after an error. */
  private ValueType resultType(Expression.FunctionCall call, AggregateFunction function, Expression argument,
      ValueType type) {
    if (type == null) {
      return null;
    }
    String name = call.name().value();
    switch (function) {
      case SUM, AVG -> {
        if (!type.isNumeric()) {
          context.error(argument.span(), name + " needs a number, got " + type.keyword());
          return null;
        }
        return function == AggregateFunction.SUM ? type : Types.average(type);
      }
      case MIN, MAX -> {
        if (!Types.ordered(type) || type == ValueType.DURATION) {
          context.error(argument.span(), name + " needs a number, string or timestamp, got " + type.keyword());
          return null;
        }
        return type;
      }
      case COUNT_DISTINCT -> {
        return ValueType.LONG;
      }
      default -> {
        return ValueType.LONG;
      }
    }
  }

  private ValueType baseline(Expression.FunctionCall call, Scope scope) {
    if (scope.aggregates() != Scope.Aggregates.BASELINE) {
      context.error(call.span(), "baseline() is only allowed in an aggregate's spike condition");
      return null;
    }
    if (call.arguments().size() != 2) {
      context.error(call.span(), "baseline takes 2 arguments: baseline(select_name, windows)");
      return null;
    }
    Expression first = call.arguments().get(0);
    Scope.Select select = null;
    if (first instanceof Expression.Reference reference) {
      for (Scope.Select candidate : scope.selects()) {
        if (candidate.name().equals(reference.name().value())) {
          select = candidate;
        }
      }
    }
    if (select == null) {
      context.error(first.span(), "the first argument of baseline must name a select item"
          + dev.tollgate.dsl.diag.Suggestions.didYouMean(first instanceof Expression.Reference r ? r.name().value() : "",
              scope.selects().stream().map(Scope.Select::name).toList()));
      return null;
    }
    Expression second = call.arguments().get(1);
    if (!(second instanceof Expression.NumberLiteral windows) || !windows.integral()
        || windows.value().signum() <= 0 || windows.value().compareTo(java.math.BigDecimal.valueOf(10_000)) > 0) {
      context.error(second.span(), "the number of windows of baseline must be a whole number from 1 to 10000");
      return null;
    }
    context.analysis.type(first, select.type());
    ValueType type = Types.average(select.type().isNumeric() ? select.type() : ValueType.DECIMAL);
    if (!select.type().isNumeric()) {
      context.error(first.span(), "baseline needs a numeric select item; " + select.name() + " is " + select.type().keyword());
      return null;
    }
    return bind(call, new Resolution.Baseline(select.slot(), windows.value().intValue(), type));
  }

  private ValueType bind(Expression.FunctionCall call, Resolution resolution) {
    context.analysis.resolve(call, resolution);
    return typeOf(resolution);
  }

  private static ValueType typeOf(Resolution resolution) {
    if (resolution instanceof Resolution.WindowAggregate w) {
      return w.type();
    }
    if (resolution instanceof Resolution.StepAggregate s) {
      return s.type();
    }
    return ((Resolution.Baseline) resolution).type();
  }
}
