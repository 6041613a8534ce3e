package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.Expression.ArithmeticOp;
import dev.tollgate.dsl.diag.Suggestions;
import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.plan.TablePlan;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Types an expression in a {@link Scope}, recording types and resolutions in the {@link Analysis}.
 * Returns the expression's type, or null when it has an error: the error is reported once, at the
 * innermost node, and every enclosing node then stays quiet so one mistake gives one message.
 */
final class ExpressionChecker {
  private final CheckContext context;
  private final FunctionChecker functions;

  ExpressionChecker(CheckContext context) {
    this.context = context;
    this.functions = new FunctionChecker(context, this);
  }

  /** Checks a condition: it must be boolean. */
  void condition(Expression expression, Scope scope) {
    ValueType type = check(expression, scope);
    if (type != null && type != ValueType.BOOLEAN) {
      context.error(expression.span(), scope.clause() + " condition must be boolean, got " + type.keyword());
    }
  }

  ValueType check(Expression expression, Scope scope) {
    ValueType type = dispatch(expression, scope);
    if (type != null) {
      context.analysis.type(expression, type);
    }
    return type;
  }

  private ValueType dispatch(Expression expression, Scope scope) {
    if (expression instanceof Expression.NullLiteral) {
      return ValueType.NULL;
    } else if (expression instanceof Expression.BooleanLiteral) {
      return ValueType.BOOLEAN;
    } else if (expression instanceof Expression.NumberLiteral n) {
      return number(n);
    } else if (expression instanceof Expression.StringLiteral) {
      return ValueType.STRING;
    } else if (expression instanceof Expression.DurationLiteral d) {
      return duration(d);
    } else if (expression instanceof Expression.Reference r) {
      return new NameResolver(context).resolve(r, scope);
    } else if (expression instanceof Expression.FieldAccess f) {
      return fieldAccess(f, scope);
    } else if (expression instanceof Expression.TableLookup t) {
      context.error(t.span(), "a table lookup needs a column: " + t.table().value() + "[key].column");
      return null;
    } else if (expression instanceof Expression.FunctionCall call) {
      return functions.check(call, scope);
    } else if (expression instanceof Expression.Unary u) {
      return unary(u, scope);
    } else if (expression instanceof Expression.Arithmetic a) {
      return arithmetic(a, scope);
    } else if (expression instanceof Expression.Comparison c) {
      return comparison(c, scope);
    } else if (expression instanceof Expression.Logical l) {
      return logical(l, scope);
    } else if (expression instanceof Expression.Not n) {
      return booleanOperand(n.operand(), scope, "not") ? ValueType.BOOLEAN : null;
    } else if (expression instanceof Expression.Between b) {
      return between(b, scope);
    } else if (expression instanceof Expression.InList in) {
      return inList(in, scope);
    } else if (expression instanceof Expression.InNamedList in) {
      return inNamedList(in, scope);
    } else if (expression instanceof Expression.IsNull n) {
      return check(n.value(), scope) == null ? null : ValueType.BOOLEAN;
    }
    throw new IllegalStateException("unhandled expression " + expression.getClass());
  }

  private ValueType number(Expression.NumberLiteral literal) {
    if (!literal.integral()) {
      return ValueType.DECIMAL;
    }
    if (literal.value().abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      context.error(literal.span(), "number too large for a long: " + literal.value().toPlainString());
      return null;
    }
    return ValueType.LONG;
  }

  private ValueType duration(Expression.DurationLiteral literal) {
    if (literal.millis() < 0) {
      context.error(literal.span(), "duration too large: " + literal.text());
      return null;
    }
    return ValueType.DURATION;
  }

  private ValueType fieldAccess(Expression.FieldAccess access, Scope scope) {
    if (access.base() instanceof Expression.TableLookup lookup) {
      return tableColumn(access, lookup, scope);
    }
    if (!(access.base() instanceof Expression.Reference base)) {
      context.error(access.span(), "'.' reads a field of a pattern step (step.field) or a table row (table[key].column)");
      return null;
    }
    String alias = base.name().value();
    Scope.Step step = scope.step(alias);
    if (step == null) {
      reportUnknownStep(base, scope);
      return null;
    }
    if (step.eventType() == null) {
      return null;
    }
    String fieldName = access.field().value();
    EventType.Field field = step.eventType().field(fieldName);
    if (field == null) {
      context.error(access.field().span(), "unknown field '" + fieldName + "' on " + step.eventType().name()
          + Suggestions.didYouMean(fieldName, step.eventType().fieldNames()));
      return null;
    }
    context.analysis.resolve(access, new Resolution.StepField(alias, step.index(), fieldName, field.position(), field.type()));
    return field.type();
  }

  void reportUnknownStep(Expression.Reference base, Scope scope) {
    String alias = base.name().value();
    List<String> aliases = scope.steps().stream().map(Scope.Step::alias).toList();
    if (scope.steps().isEmpty() && scope.event() != null && scope.event().field(alias) != null) {
      context.error(base.span(), "'" + alias + "' is a field, not a pattern step");
    } else if (scope.steps().isEmpty() && !"pattern".equals(scope.clause())) {
      context.error(base.span(), "unknown step '" + alias + "': step fields (step.field) exist only in pattern rules");
    } else {
      context.error(base.span(), "unknown step '" + alias + "'" + (aliases.isEmpty() ? " (no earlier step has an alias)"
          : Suggestions.didYouMean(alias, aliases)));
    }
  }

  private ValueType tableColumn(Expression.FieldAccess access, Expression.TableLookup lookup, Scope scope) {
    String name = lookup.table().value();
    ValueType keyType = check(lookup.key(), scope);
    Declaration declaration = context.symbols.lookup(name);
    if (!(declaration instanceof Declaration.TableDecl)) {
      context.error(lookup.table().span(), declaration == null
          ? "unknown table '" + name + "'" + Suggestions.didYouMean(name, context.symbols.namesOf(Declaration.TableDecl.class))
          : "'" + name + "' is a " + declaration.kind() + ", not a table");
      return null;
    }
    if (keyType != null && keyType != ValueType.STRING && keyType != ValueType.NULL) {
      context.error(lookup.key().span(), "table " + name + " is keyed by string, got " + keyType.keyword());
    }
    TablePlan table = context.tables.get(name);
    if (table == null) {
      return null; // its data file had errors, already reported
    }
    String column = access.field().value();
    int index = table.columnIndex(column);
    if (index < 0) {
      context.error(access.field().span(), "unknown column '" + column + "' in table " + name
          + Suggestions.didYouMean(column, table.columns().stream().map(TablePlan.Column::name).toList()));
      return null;
    }
    ValueType type = table.columns().get(index).type();
    context.analysis.resolve(access, new Resolution.TableColumn(name, index, type));
    return keyType == null ? null : type;
  }

  private ValueType unary(Expression.Unary unary, Scope scope) {
    ValueType type = check(unary.operand(), scope);
    if (type == null) {
      return null;
    }
    if (!type.isNumeric() && type != ValueType.DURATION) {
      context.error(unary.span(), "cannot negate a " + type.keyword());
      return null;
    }
    return type;
  }

  private ValueType arithmetic(Expression.Arithmetic arithmetic, Scope scope) {
    ValueType left = check(arithmetic.left(), scope);
    ValueType right = check(arithmetic.right(), scope);
    if (left == null || right == null) {
      return null;
    }
    ArithmeticOp op = arithmetic.op();
    if (left.isNumeric() && right.isNumeric()) {
      return Types.widen(left, right);
    }
    boolean additive = op == ArithmeticOp.ADD || op == ArithmeticOp.SUBTRACT;
    if (additive && left == ValueType.TIMESTAMP && right == ValueType.DURATION) {
      return ValueType.TIMESTAMP;
    }
    if (op == ArithmeticOp.ADD && left == ValueType.DURATION && right == ValueType.TIMESTAMP) {
      context.error(arithmetic.span(), "write the timestamp first: timestamp + duration");
      return null;
    }
    if (additive && left == ValueType.DURATION && right == ValueType.DURATION) {
      return ValueType.DURATION;
    }
    if (op == ArithmeticOp.SUBTRACT && left == ValueType.TIMESTAMP && right == ValueType.TIMESTAMP) {
      return ValueType.DURATION;
    }
    if (left == ValueType.NULL || right == ValueType.NULL) {
      context.error(arithmetic.span(), "arithmetic with null is always null");
      return null;
    }
    context.error(arithmetic.span(), "cannot apply '" + op.symbol + "' to " + left.keyword() + " and " + right.keyword());
    return null;
  }

  private ValueType comparison(Expression.Comparison comparison, Scope scope) {
    ValueType left = check(comparison.left(), scope);
    ValueType right = check(comparison.right(), scope);
    if (left == null || right == null) {
      return null;
    }
    if (left == ValueType.NULL || right == ValueType.NULL) {
      String negation = comparison.op() == Expression.ComparisonOp.NE ? "is not null" : "is null";
      context.error(comparison.span(), "comparing with null is never true; use 'x " + negation + "'");
      return null;
    }
    ValueType common = Types.common(left, right);
    if (common == null) {
      context.error(comparison.span(), "cannot compare " + left.keyword() + " with " + right.keyword());
      return null;
    }
    boolean ordering = comparison.op() != Expression.ComparisonOp.EQ && comparison.op() != Expression.ComparisonOp.NE;
    if (ordering && !Types.ordered(common)) {
      context.error(comparison.span(), "'" + comparison.op().symbol + "' does not apply to " + common.keyword()
          + " values; use == or !=");
      return null;
    }
    return ValueType.BOOLEAN;
  }

  private ValueType logical(Expression.Logical logical, Scope scope) {
    String op = logical.op() == Expression.LogicalOp.AND ? "and" : "or";
    boolean left = booleanOperand(logical.left(), scope, op);
    boolean right = booleanOperand(logical.right(), scope, op);
    return left && right ? ValueType.BOOLEAN : null;
  }

  private boolean booleanOperand(Expression operand, Scope scope, String op) {
    ValueType type = check(operand, scope);
    if (type == null) {
      return false;
    }
    if (type != ValueType.BOOLEAN) {
      context.error(operand.span(), "operand of '" + op + "' must be boolean, got " + type.keyword());
      return false;
    }
    return true;
  }

  private ValueType between(Expression.Between between, Scope scope) {
    ValueType value = check(between.value(), scope);
    ValueType low = check(between.low(), scope);
    ValueType high = check(between.high(), scope);
    if (value == null || low == null || high == null) {
      return null;
    }
    ValueType common = Types.common(value, low);
    common = common == null ? null : Types.common(common, high);
    if (common == null || common == ValueType.NULL) {
      context.error(between.span(), "cannot compare " + value.keyword() + " with bounds " + low.keyword()
          + " and " + high.keyword());
      return null;
    }
    if (!Types.ordered(common)) {
      context.error(between.span(), "'between' does not apply to " + common.keyword() + " values");
      return null;
    }
    return ValueType.BOOLEAN;
  }

  private ValueType inList(Expression.InList in, Scope scope) {
    ValueType value = check(in.value(), scope);
    List<ValueType> elements = new ArrayList<>();
    boolean ok = value != null;
    for (Expression element : in.elements()) {
      ValueType type = check(element, scope);
      if (type == null) {
        ok = false;
      } else if (!isConstant(element)) {
        context.error(element.span(), "elements of an inline list must be literals or consts");
        ok = false;
      } else if (type == ValueType.NULL) {
        context.error(element.span(), "null in a list never matches; use 'is null'");
        ok = false;
      } else {
        elements.add(type);
      }
    }
    if (!ok) {
      return null;
    }
    for (int i = 0; i < elements.size(); i++) {
      if (Types.common(value, elements.get(i)) == null) {
        context.error(in.elements().get(i).span(), "cannot compare " + value.keyword() + " with "
            + elements.get(i).keyword() + " list element");
        return null;
      }
    }
    return ValueType.BOOLEAN;
  }

  /** Literals and consts: what the planner can evaluate at compile time. */
  boolean isConstant(Expression expression) {
    if (expression instanceof Expression.Unary u) {
      return isConstant(u.operand());
    }
    if (expression instanceof Expression.Reference r) {
      return context.analysis.resolutionOf(r) instanceof Resolution.Const;
    }
    return expression instanceof Expression.NullLiteral || expression instanceof Expression.BooleanLiteral
        || expression instanceof Expression.NumberLiteral || expression instanceof Expression.StringLiteral
        || expression instanceof Expression.DurationLiteral;
  }

  private ValueType inNamedList(Expression.InNamedList in, Scope scope) {
    ValueType value = check(in.value(), scope);
    ListPlan list = namedList(in.list());
    if (value == null || list == null) {
      return null;
    }
    if (Types.common(value, list.elementType()) == null) {
      context.error(in.span(), "cannot compare " + value.keyword() + " with elements of list " + list.name()
          + " (" + list.elementType().keyword() + ")");
      return null;
    }
    context.analysis.resolve(in, new Resolution.NamedList(list.name()));
    return ValueType.BOOLEAN;
  }

  /** The named list, or null after reporting an unknown name (or nothing, if its file failed). */
  ListPlan namedList(dev.tollgate.dsl.ast.Identifier name) {
    Declaration declaration = context.symbols.lookup(name.value());
    if (!(declaration instanceof Declaration.ListDecl)) {
      context.error(name.span(), declaration == null
          ? "unknown list '" + name.value() + "'" + Suggestions.didYouMean(name.value(), context.symbols.namesOf(Declaration.ListDecl.class))
          : "'" + name.value() + "' is a " + declaration.kind() + ", not a list");
      return null;
    }
    return context.lists.get(name.value());
  }
}
