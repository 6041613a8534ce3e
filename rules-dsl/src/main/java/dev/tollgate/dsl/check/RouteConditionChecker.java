package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.SourceSpan;
import dev.tollgate.dsl.diag.Suggestions;
import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.plan.PlanExpr.ComparisonOp;
import dev.tollgate.dsl.plan.RouteCondition;
import dev.tollgate.dsl.plan.RouteCondition.AlertField;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Types a route's {@code when} over the fields of an alert and lowers it to a {@link
 * RouteCondition}. A condition compares an alert field ({@code category}, {@code ruleId}, {@code
 * severity}, {@code key.<field>}) with a value (a literal, a const or, for severity, a level);
 * tests tag membership ({@code "pep" in tags}); or combines such tests with {@code and}, {@code
 * or} and {@code not}. Like the expression checker, one mistake gives one message: the innermost
 * node reports and its parents stay quiet.
 */
final class RouteConditionChecker {
  private static final List<String> TEXT_FUNCTIONS = List.of("starts_with", "ends_with", "contains");
  private static final List<String> LEVELS = Arrays.stream(Severity.values()).map(Severity::keyword).toList();

  private final CheckContext context;
  private final AlertFields fields;
  private final ConstChecker literals;

  RouteConditionChecker(CheckContext context, AlertFields fields) {
    this.context = context;
    this.fields = fields;
    this.literals = new ConstChecker(context);
  }

  /** The lowered condition, or null after reporting. */
  RouteCondition check(Expression expression) {
    if (expression instanceof Expression.Logical logical) {
      return logical(logical);
    }
    if (expression instanceof Expression.Not not) {
      RouteCondition operand = check(not.operand());
      return operand == null ? null : new RouteCondition.Not(operand);
    }
    if (expression instanceof Expression.Comparison comparison) {
      return comparison(comparison);
    }
    if (expression instanceof Expression.InList in) {
      return inList(in);
    }
    if (expression instanceof Expression.InNamedList in) {
      return inNamedList(in);
    }
    if (expression instanceof Expression.IsNull isNull) {
      return isNull(isNull);
    }
    if (expression instanceof Expression.Between between) {
      return between(between);
    }
    if (expression instanceof Expression.FunctionCall call) {
      return textTest(call);
    }
    Operand operand = operand(expression);
    if (operand != null) {
      context.error(expression.span(), "route condition must be a test of the alert, got " + operand.describe()
          + "; e.g. category == \"fraud\" or severity >= high");
    }
    return null;
  }

  private RouteCondition logical(Expression.Logical logical) {
    RouteCondition left = check(logical.left());
    RouteCondition right = check(logical.right());
    if (left == null || right == null) {
      return null;
    }
    List<RouteCondition> operands = new ArrayList<>();
    boolean and = logical.op() == Expression.LogicalOp.AND;
    for (RouteCondition side : List.of(left, right)) {
      if (and && side instanceof RouteCondition.All all) {
        operands.addAll(all.operands());
      } else if (!and && side instanceof RouteCondition.Any any) {
        operands.addAll(any.operands());
      } else {
        operands.add(side);
      }
    }
    return and ? new RouteCondition.All(operands) : new RouteCondition.Any(operands);
  }

  private RouteCondition comparison(Expression.Comparison comparison) {
    Operand left = operand(comparison.left(), isSeverity(comparison.right()));
    Operand right = left == null ? null : operand(comparison.right(), isSeverity(comparison.left()));
    if (left == null || right == null) {
      return null;
    }
    ComparisonOp op = ComparisonOp.valueOf(comparison.op().name());
    if (isConstant(left) && !isConstant(right)) {
      return compare(right, flip(op), left, comparison.span());
    }
    return compare(left, op, right, comparison.span());
  }

  private RouteCondition compare(Operand subject, ComparisonOp op, Operand other, SourceSpan span) {
    if (subject instanceof SeverityField) {
      if (other instanceof Level level) {
        return new RouteCondition.SeverityCompare(op, level.severity());
      }
      context.error(span, "severity is compared with a level (" + String.join(", ", LEVELS) + ")"
          + levelHint(other, "severity " + op.symbol() + " "));
      return null;
    }
    if (subject instanceof Field field) {
      Object value = value(field, other, span, op != ComparisonOp.EQ && op != ComparisonOp.NE);
      if (value == NO_VALUE) {
        return null;
      }
      if (op == ComparisonOp.EQ || op == ComparisonOp.NE) {
        warnIfUnknown(field.field(), value, other.span());
      }
      return new RouteCondition.Compare(field.field(), op, value);
    }
    context.error(span, misuse(subject));
    return null;
  }

  private RouteCondition inList(Expression.InList in) {
    Operand subject = operand(in.value());
    List<Operand> elements = new ArrayList<>();
    for (Expression element : in.elements()) {
      elements.add(operand(element, isSeverity(in.value())));
    }
    if (subject == null || elements.contains(null)) {
      return null;
    }
    if (subject instanceof SeverityField) {
      List<Severity> levels = new ArrayList<>();
      for (Operand element : elements) {
        if (!(element instanceof Level level)) {
          context.error(element.span(), "severity is compared with a level (" + String.join(", ", LEVELS) + ")"
              + levelHint(element, ""));
          return null;
        }
        levels.add(level.severity());
      }
      return new RouteCondition.SeverityOneOf(levels, in.negated());
    }
    if (!(subject instanceof Field field)) {
      context.error(in.value().span(), misuse(subject));
      return null;
    }
    List<Object> values = new ArrayList<>();
    for (Operand element : elements) {
      Object value = value(field, element, element.span(), false);
      if (value == NO_VALUE) {
        return null;
      }
      warnIfUnknown(field.field(), value, element.span());
      values.add(value);
    }
    return new RouteCondition.OneOf(field.field(), values, in.negated());
  }

  private RouteCondition inNamedList(Expression.InNamedList in) {
    String listName = in.list().value();
    Operand subject = operand(in.value());
    if (subject == null) {
      return null;
    }
    if (listName.equals("tags")) {
      if (subject instanceof Value value && value.type() == ValueType.STRING) {
        return new RouteCondition.HasTag((String) value.value(), in.negated());
      }
      context.error(in.value().span(), "tags holds the rule's tags as strings; test one with \"tag\" in tags");
      return null;
    }
    Declaration declaration = context.symbols.lookup(listName);
    if (!(declaration instanceof Declaration.ListDecl)) {
      List<String> candidates = new ArrayList<>(context.symbols.namesOf(Declaration.ListDecl.class));
      candidates.add("tags");
      context.error(in.list().span(), declaration == null
          ? "unknown list '" + listName + "'" + Suggestions.didYouMean(listName, candidates)
          : "'" + listName + "' is a " + declaration.kind() + ", not a list");
      return null;
    }
    ListPlan list = context.lists.get(listName);
    if (list == null) {
      return null; // the list itself has an error
    }
    if (!(subject instanceof Field field)) {
      context.error(in.value().span(), subject instanceof SeverityField
          ? "severity is tested against levels: severity in [high, critical]" : misuse(subject));
      return null;
    }
    if (Types.common(field.field().type(), list.elementType()) == null) {
      context.error(in.span(), "cannot compare " + field.field().written() + " (" + field.field().type().keyword()
          + ") with elements of list " + listName + " (" + list.elementType().keyword() + ")");
      return null;
    }
    ValueType common = Types.common(field.field().type(), list.elementType());
    List<Object> values = list.values().stream().map(v -> ConstChecker.convert(v, common)).toList();
    return new RouteCondition.OneOf(field.field(), values, in.negated());
  }

  private RouteCondition isNull(Expression.IsNull isNull) {
    Operand subject = operand(isNull.value());
    if (subject == null) {
      return null;
    }
    if (subject instanceof Field field && field.field().kind() == AlertField.Kind.KEY) {
      return new RouteCondition.IsNull(field.field(), isNull.negated());
    }
    context.error(isNull.span(), "only key fields can be null; category, severity, ruleId and tags always have a value");
    return null;
  }

  private RouteCondition between(Expression.Between between) {
    Operand subject = operand(between.value());
    Operand low = operand(between.low());
    Operand high = operand(between.high());
    if (subject == null || low == null || high == null) {
      return null;
    }
    RouteCondition atLeast = compare(subject, ComparisonOp.GE, low, between.span());
    RouteCondition atMost = atLeast == null ? null : compare(subject, ComparisonOp.LE, high, between.span());
    if (atMost == null) {
      return null;
    }
    RouteCondition inside = new RouteCondition.All(List.of(atLeast, atMost));
    return between.negated() ? new RouteCondition.Not(inside) : inside;
  }

  private RouteCondition textTest(Expression.FunctionCall call) {
    String name = call.name().value();
    if (!TEXT_FUNCTIONS.contains(name)) {
      context.error(call.name().span(), "a route condition offers " + String.join(", ", TEXT_FUNCTIONS)
          + " on alert fields, not '" + name + "'" + Suggestions.didYouMean(name, TEXT_FUNCTIONS));
      return null;
    }
    if (call.arguments().size() != 2) {
      context.error(call.span(), name + " takes 2 arguments: " + name + "(field, \"text\")");
      return null;
    }
    Operand subject = operand(call.arguments().get(0));
    Operand text = operand(call.arguments().get(1));
    if (subject == null || text == null) {
      return null;
    }
    if (!(subject instanceof Field field) || field.field().type() != ValueType.STRING) {
      context.error(subject.span(), name + " needs a string field of the alert first, got " + subject.describe());
      return null;
    }
    if (!(text instanceof Value value) || value.type() != ValueType.STRING) {
      context.error(text.span(), name + " needs a string to look for, got " + text.describe());
      return null;
    }
    return new RouteCondition.TextTest(RouteCondition.TextFunction.valueOf(name.toUpperCase(Locale.ROOT)),
        field.field(), (String) value.value());
  }

  // --- operands -----------------------------------------------------------------------------

  private static boolean isSeverity(Expression expression) {
    return expression instanceof Expression.Reference reference && reference.name().value().equals("severity");
  }

  private Operand operand(Expression expression) {
    return operand(expression, false);
  }

  /**
   * What a leaf of a condition is; null after reporting. {@code levelExpected}: the leaf is compared
   * with severity, so an unknown name is a misspelt level.
   */
  private Operand operand(Expression expression, boolean levelExpected) {
    if (expression instanceof Expression.Reference reference) {
      String name = reference.name().value();
      if (levelExpected && !LEVELS.contains(name) && context.symbols.lookup(name) == null) {
        String hint = Suggestions.didYouMean(name, LEVELS);
        context.error(reference.span(), "unknown severity level '" + name + "'"
            + (hint.isEmpty() ? "; levels are " + String.join(", ", LEVELS) : hint));
        return null;
      }
      return reference(reference);
    }
    if (expression instanceof Expression.FunctionCall call) {
      context.error(call.span(), "a route condition compares alert fields themselves; of the functions, it offers"
          + " only the tests " + String.join(", ", TEXT_FUNCTIONS) + ", e.g. starts_with(ruleId, \"aml.\")");
      return null;
    }
    if (expression instanceof Expression.FieldAccess access) {
      return keyField(access);
    }
    if (expression instanceof Expression.NullLiteral nullLiteral) {
      return new Value(null, ValueType.NULL, nullLiteral.span());
    }
    if (expression instanceof Expression.NumberLiteral || expression instanceof Expression.StringLiteral
        || expression instanceof Expression.BooleanLiteral || expression instanceof Expression.DurationLiteral
        || expression instanceof Expression.Unary) {
      ConstValue value = literals.literal(expression, "route condition");
      return value == null ? null : new Value(value.value(), value.type(), expression.span());
    }
    context.error(expression.span(), "a route condition compares alert fields with values; "
        + "arithmetic, lookups and nested tests are not available here");
    return null;
  }

  private Operand reference(Expression.Reference reference) {
    String name = reference.name().value();
    SourceSpan span = reference.span();
    switch (name) {
      case "category":
        return new Field(AlertField.CATEGORY, span);
      case "ruleId":
        return new Field(AlertField.RULE_ID, span);
      case "severity":
        return new SeverityField(span);
      case "tags":
        return new Tags(span);
      default:
        break;
    }
    if (LEVELS.contains(name)) {
      return new Level(Severity.valueOf(name.toUpperCase(Locale.ROOT)), span);
    }
    Declaration declaration = context.symbols.lookup(name);
    if (declaration instanceof Declaration.ConstDecl) {
      ConstValue value = context.consts.get(name);
      return value == null ? null : new Value(value.value(), value.type(), span);
    }
    context.error(span, unknownName(name, declaration));
    return null;
  }

  private String unknownName(String name, Declaration declaration) {
    if (name.equals("mode")) {
      return "a route sees only active alerts (shadow alerts are never routed), so it cannot test mode";
    }
    if (name.equals("key")) {
      return "key is the alert's key object; read one of its fields, e.g. key."
          + fields.keyNames().stream().findFirst().orElse("accountId");
    }
    if (fields.key(name) != null) {
      return "unknown alert field '" + name + "'; key fields are read as key." + name;
    }
    if (declaration instanceof Declaration.ListDecl) {
      return "list '" + name + "' is not a value; test a field against it: key.<field> in " + name;
    }
    if (declaration != null) {
      return "'" + name + "' is a " + declaration.kind() + ", not a value";
    }
    List<String> candidates = fields.writtenNames();
    candidates.addAll(LEVELS);
    return "unknown alert field '" + name + "'" + Suggestions.didYouMean(name, candidates)
        + " (a route reads category, severity, ruleId, tags and key.<field>)";
  }

  private Operand keyField(Expression.FieldAccess access) {
    if (!(access.base() instanceof Expression.Reference base) || !base.name().value().equals("key")) {
      context.error(access.span(), "a route reads an alert's key fields as key.<field>; other fields have no '.'");
      return null;
    }
    String name = access.field().value();
    AlertFields.KeyType key = fields.key(name);
    if (key == null) {
      context.error(access.field().span(), "no rule has key field '" + name + "'"
          + Suggestions.didYouMean(name, fields.keyNames()));
      return null;
    }
    if (key.conflict() != null) {
      context.error(access.span(), "key field '" + name + "' is " + key.type().keyword() + " in " + key.owner()
          + " but " + key.conflictType().keyword() + " in " + key.conflict() + "; a route cannot compare it with one value");
      return null;
    }
    return new Field(AlertField.key(name, key.type()), access.span());
  }

  // --- values -------------------------------------------------------------------------------

  private static final Object NO_VALUE = new Object();

  /** {@code other} as a value comparable with {@code field}, converted; NO_VALUE after reporting. */
  private Object value(Field field, Operand other, SourceSpan span, boolean ordering) {
    AlertField alertField = field.field();
    if (!(other instanceof Value value)) {
      context.error(span, other instanceof Field || other instanceof SeverityField || other instanceof Tags
          ? "compare " + alertField.written() + " with a value, not with another field of the alert"
          : "cannot compare " + alertField.written() + " with " + other.describe());
      return NO_VALUE;
    }
    if (value.type() == ValueType.NULL) {
      context.error(span, "comparing with null is never true; use '" + alertField.written() + " is null'");
      return NO_VALUE;
    }
    ValueType common = Types.common(alertField.type(), value.type());
    if (common == null) {
      context.error(span, "cannot compare " + alertField.written() + " (" + alertField.type().keyword() + ") with "
          + value.type().keyword());
      return NO_VALUE;
    }
    if (ordering && !Types.ordered(common)) {
      context.error(span, "'<', '>' and their kin do not apply to " + common.keyword() + " values; use == or !=");
      return NO_VALUE;
    }
    return ConstChecker.convert(value.value(), common);
  }

  /** Warns when an equality test names a category or rule id that no rule in the set produces. */
  private void warnIfUnknown(AlertField field, Object value, SourceSpan span) {
    Collection<String> known = switch (field.kind()) {
      case CATEGORY -> fields.categories();
      case RULE_ID -> fields.ruleIds();
      case KEY -> null;
    };
    if (known != null && value instanceof String text && !known.contains(text)) {
      context.diagnostics.warning(span, "no rule has " + field.name() + " '" + text + "'"
          + Suggestions.didYouMean(text, known));
    }
  }

  private String levelHint(Operand other, String prefix) {
    if (other instanceof Value value && value.value() instanceof String text && LEVELS.contains(text)) {
      return ", not a string: write " + prefix + text;
    }
    if (other instanceof Value value && value.value() instanceof String text) {
      return "; '" + text + "' is not one" + Suggestions.didYouMean(text, LEVELS);
    }
    return ", not " + other.describe();
  }

  private static String misuse(Operand subject) {
    if (subject instanceof Tags) {
      return "tags is a list of strings: test membership with \"tag\" in tags";
    }
    if (subject instanceof Level level) {
      return "'" + level.severity().keyword() + "' is a severity level; compare severity with it: severity >= "
          + level.severity().keyword();
    }
    return "a test of the alert starts from one of its fields: category, severity, ruleId, tags or key.<field>";
  }

  private static boolean isConstant(Operand operand) {
    return operand instanceof Value || operand instanceof Level;
  }

  private static ComparisonOp flip(ComparisonOp op) {
    return switch (op) {
      case LT -> ComparisonOp.GT;
      case LE -> ComparisonOp.GE;
      case GT -> ComparisonOp.LT;
      case GE -> ComparisonOp.LE;
      default -> op;
    };
  }

  /** A leaf of a route condition, resolved. */
  private sealed interface Operand {
    SourceSpan span();

    String describe();
  }

  private record Field(AlertField field, SourceSpan span) implements Operand {
    @Override
    public String describe() {
      return field.written() + " (" + field.type().keyword() + ")";
    }
  }

  private record SeverityField(SourceSpan span) implements Operand {
    @Override
    public String describe() {
      return "severity";
    }
  }

  private record Tags(SourceSpan span) implements Operand {
    @Override
    public String describe() {
      return "tags";
    }
  }

  private record Level(Severity severity, SourceSpan span) implements Operand {
    @Override
    public String describe() {
      return "the level " + severity.keyword();
    }
  }

  private record Value(Object value, ValueType type, SourceSpan span) implements Operand {
    @Override
    public String describe() {
      return type == ValueType.NULL ? "null" : "a " + type.keyword();
    }
  }
}
