package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.Declaration.TestDecl;
import dev.tollgate.dsl.ast.EventLiteral;
import dev.tollgate.dsl.ast.Expectation;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.Param;
import dev.tollgate.dsl.ast.Target;
import dev.tollgate.dsl.ast.Value;
import dev.tollgate.dsl.diag.Suggestions;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.plan.TestPlan;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tests: the target exists and is of the kind named; params name consts and have their types;
 * given events are of known types with known fields, typed values, and an id and ts;
 * expectations use only the members they have.
 */
final class TestChecker {
  private static final List<String> ALERT_MEMBERS = List.of("key", "events", "message", "severity");

  private final CheckContext context;
  private final Map<String, CheckedRule> rules;
  private final Map<String, CheckedAggregate> aggregates;
  private final TestValues values;
  private final ExpectationChecker expectations;

  TestChecker(CheckContext context, Map<String, CheckedRule> rules, Map<String, CheckedAggregate> aggregates) {
    this.context = context;
    this.rules = rules;
    this.aggregates = aggregates;
    this.values = new TestValues(context);
    this.expectations = new ExpectationChecker(context, values);
  }

  CheckedTest check(TestDecl test) {
    boolean ok = true;
    if (test.target().isEmpty()) {
      context.error(test.name().span(), "test has nothing to test: add 'rule <id>' or 'aggregate <id>'");
      ok = false;
    }
    boolean targetsRule = test.target().map(t -> t.kind() == Target.Kind.RULE).orElse(true);
    String targetId = test.target().map(t -> t.id().value()).orElse(null);
    ok &= test.target().map(this::target).orElse(false);
    Map<String, ConstValue> params = params(test.params());
    ok &= params != null;
    List<CheckedTest.GivenEvent> given = new ArrayList<>();
    for (EventLiteral event : test.given()) {
      CheckedTest.GivenEvent checked = event(event);
      ok &= checked != null;
      if (checked != null) {
        given.add(checked);
      }
    }
    CheckedRule rule = targetsRule && targetId != null ? rules.get(targetId) : null;
    CheckedAggregate aggregate = !targetsRule && targetId != null ? aggregates.get(targetId) : null;
    List<TestPlan.Expectation> checkedExpectations = new ArrayList<>();
    for (Expectation expectation : test.expectations()) {
      TestPlan.Expectation checked = expectations.check(expectation, targetsRule, rule, aggregate);
      ok &= checked != null;
      if (checked != null) {
        checkedExpectations.add(checked);
      }
    }
    return ok ? new CheckedTest(test, targetsRule, targetId, params, given, checkedExpectations) : null;
  }

  private boolean target(Target target) {
    String id = target.id().value();
    Declaration declaration = context.symbols.lookup(id);
    Class<? extends Declaration> wanted = target.kind() == Target.Kind.RULE ? Declaration.RuleDecl.class
        : Declaration.AggregateDecl.class;
    String kind = target.kind() == Target.Kind.RULE ? "rule" : "aggregate";
    if (declaration == null) {
      context.error(target.id().span(), "unknown " + kind + " '" + id + "'" + Suggestions.didYouMean(id, context.symbols.namesOf(wanted)));
      return false;
    }
    if (!wanted.isInstance(declaration)) {
      context.error(target.id().span(), "'" + id + "' is " + (declaration.kind().startsWith("a") || declaration.kind().startsWith("e") ? "an " : "a ")
          + declaration.kind() + ", not a " + kind
          + (declaration instanceof Declaration.AggregateDecl ? "; write 'aggregate " + id + "'"
              : declaration instanceof Declaration.RuleDecl ? "; write 'rule " + id + "'" : ""));
      return false;
    }
    return true;
  }

  private Map<String, ConstValue> params(List<Param> params) {
    Map<String, ConstValue> checked = new LinkedHashMap<>();
    boolean ok = true;
    ConstChecker consts = new ConstChecker(context);
    for (Param param : params) {
      String name = param.name().value();
      if (!(context.symbols.lookup(name) instanceof Declaration.ConstDecl)) {
        context.error(param.name().span(), "no const '" + name + "' to override"
            + Suggestions.didYouMean(name, context.symbols.namesOf(Declaration.ConstDecl.class)));
        ok = false;
        continue;
      }
      if (checked.containsKey(name)) {
        context.error(param.name().span(), "param '" + name + "' is given twice");
        ok = false;
        continue;
      }
      ConstValue declared = context.consts.get(name);
      ConstValue value = consts.literal(param.value(), "param");
      if (declared == null || value == null) {
        ok = false;
        continue;
      }
      ValueType common = Types.common(declared.type(), value.type());
      if (common != declared.type()) {
        context.error(param.value().span(), "const '" + name + "' is a " + declared.type().keyword() + ", got "
            + value.type().keyword());
        ok = false;
        continue;
      }
      checked.put(name, new ConstValue(ConstChecker.convert(value.value(), declared.type()), declared.type()));
    }
    return ok ? checked : null;
  }

  private CheckedTest.GivenEvent event(EventLiteral event) {
    String typeName = event.eventType().value();
    EventType type = context.eventTypes.get(typeName);
    if (type == null) {
      context.error(event.eventType().span(), "unknown event type '" + typeName + "'"
          + Suggestions.didYouMean(typeName, context.eventTypes.keySet()));
      return null;
    }
    Object[] row = new Object[type.fields().size()];
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (Value.Member member : event.fields()) {
      String name = member.name().value();
      EventType.Field field = type.field(name);
      if (field == null) {
        context.error(member.name().span(), "unknown field '" + name + "' on " + typeName
            + Suggestions.didYouMean(name, type.fieldNames()));
        ok = false;
        continue;
      }
      if (!seen.add(name)) {
        context.error(member.name().span(), "field '" + name + "' is given twice");
        ok = false;
        continue;
      }
      Object value = values.convert(member.value(), field.type(), "field '" + name + "'");
      if (value == TestValues.INVALID) {
        ok = false;
      } else {
        row[field.position()] = value;
      }
    }
    for (String required : List.of("id", "ts")) {
      if (!seen.contains(required) && ok) {
        context.error(event.span(), typeName + " event has no '" + required + "'; every given event needs an id and a ts");
        ok = false;
      }
    }
    return ok ? new CheckedTest.GivenEvent(type, Arrays.asList(row), event.span().line()) : null;
  }

  static List<String> alertMembers() {
    return ALERT_MEMBERS;
  }

  static Map<String, Severity> severities() {
    Map<String, Severity> byKeyword = new HashMap<>();
    for (Severity severity : Severity.values()) {
      byKeyword.put(severity.keyword(), severity);
    }
    return byKeyword;
  }

  static boolean isString(Value value) {
    return value instanceof Value.Scalar s && s.literal() instanceof Expression.StringLiteral;
  }
}
