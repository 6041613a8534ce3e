package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Expectation;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.Value;
import dev.tollgate.dsl.diag.Suggestions;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.plan.TestPlan;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code expect} clauses of a test. {@code expect alert} takes only {@code key events message
 * severity}; {@code key} is a value when the rule has one key field, else an object of key fields.
 * {@code expect record} (aggregates) takes window_start, window_end, group fields and select names.
 */
final class ExpectationChecker {
  private final CheckContext context;
  private final TestValues values;

  ExpectationChecker(CheckContext context, TestValues values) {
    this.context = context;
    this.values = values;
  }

  /** The typed expectation, or null after an error. Target info may be null (target had errors). */
  TestPlan.Expectation check(Expectation expectation, boolean targetsRule, CheckedRule rule, CheckedAggregate aggregate) {
    int line = expectation.span().line();
    if (expectation instanceof Expectation.NoAlerts) {
      return new TestPlan.NoAlerts(line);
    }
    if (expectation instanceof Expectation.AlertCount count) {
      return new TestPlan.AlertCount(count.count(), line);
    }
    if (expectation instanceof Expectation.RecordCount count) {
      if (targetsRule) {
        context.error(expectation.span(), "'expect records' applies to aggregates; a rule produces alerts");
        return null;
      }
      return new TestPlan.RecordCount(count.count(), line);
    }
    if (expectation instanceof Expectation.AlertLike alert) {
      return alert(alert, rule, aggregate, line);
    }
    Expectation.RecordLike record = (Expectation.RecordLike) expectation;
    if (targetsRule) {
      context.error(expectation.span(), "'expect record' applies to aggregates; use 'expect alert' for a rule");
      return null;
    }
    return record(record, aggregate, line);
  }

  private TestPlan.Expectation alert(Expectation.AlertLike alert, CheckedRule rule, CheckedAggregate aggregate, int line) {
    Map<String, Object> key = null;
    List<String> events = null;
    String message = null;
    Severity severity = null;
    boolean ok = true;
    Set<String> seen = new HashSet<>();
    for (Value.Member member : alert.members()) {
      String name = member.name().value();
      if (!TestChecker.alertMembers().contains(name)) {
        String hint = Suggestions.didYouMean(name, TestChecker.alertMembers());
        context.error(member.name().span(), "unknown member '" + name + "' of an expected alert"
            + (hint.isEmpty() ? "; expected key, events, message or severity" : hint));
        ok = false;
        continue;
      }
      if (!seen.add(name)) {
        context.error(member.name().span(), "member '" + name + "' is given twice");
        ok = false;
        continue;
      }
      switch (name) {
        case "key" -> {
          key = key(member.value(), rule, aggregate);
          ok &= key != null;
        }
        case "events" -> {
          events = strings(member.value());
          ok &= events != null;
        }
        case "message" -> {
          if (TestChecker.isString(member.value())) {
            message = ((Expression.StringLiteral) ((Value.Scalar) member.value()).literal()).value();
          } else {
            context.error(member.value().span(), "message is a string, got " + TestValues.describe(member.value()));
            ok = false;
          }
        }
        default -> {
          severity = severity(member.value());
          ok &= severity != null;
        }
      }
    }
    return ok ? new TestPlan.AlertMatching(key, events, message, severity, line) : null;
  }

  private Severity severity(Value value) {
    String written = null;
    if (value instanceof Value.Symbol symbol) {
      written = symbol.name().value();
    } else if (TestChecker.isString(value)) {
      written = ((Expression.StringLiteral) ((Value.Scalar) value).literal()).value();
    }
    Severity severity = written == null ? null : TestChecker.severities().get(written);
    if (severity == null) {
      context.error(value.span(), "severity is one of low, medium, high, critical"
          + (written == null ? ", got " + TestValues.describe(value) : ", got '" + written + "'"));
    }
    return severity;
  }

  private List<String> strings(Value value) {
    if (!(value instanceof Value.Array array)) {
      context.error(value.span(), "events is a list of event ids, got " + TestValues.describe(value));
      return null;
    }
    List<String> ids = new ArrayList<>();
    for (Value element : array.elements()) {
      if (!TestChecker.isString(element)) {
        context.error(element.span(), "an event id is a string, got " + TestValues.describe(element));
        return null;
      }
      ids.add(((Expression.StringLiteral) ((Value.Scalar) element).literal()).value());
    }
    return ids;
  }

  private Map<String, Object> key(Value value, CheckedRule rule, CheckedAggregate aggregate) {
    List<KeyField> keys = rule != null ? rule.keys() : aggregate != null ? aggregate.groupBy() : null;
    if (keys == null) {
      return null; // target had errors
    }
    Map<String, Object> key = new LinkedHashMap<>();
    if (value instanceof Value.Object object) {
      for (Value.Member member : object.members()) {
        KeyField field = keys.stream().filter(k -> k.name().equals(member.name().value())).findFirst().orElse(null);
        if (field == null) {
          context.error(member.name().span(), "'" + member.name().value() + "' is not a key field"
              + Suggestions.didYouMean(member.name().value(), keys.stream().map(KeyField::name).toList()));
          return null;
        }
        Object converted = values.convert(member.value(), field.type(), "key field '" + field.name() + "'");
        if (converted == TestValues.INVALID) {
          return null;
        }
        key.put(field.name(), converted);
      }
      return key;
    }
    if (keys.size() != 1) {
      context.error(value.span(), keys.isEmpty() ? "the target has no key; leave 'key' out"
          : "the target has " + keys.size() + " key fields; write key: { " + keys.get(0).name() + ": ..., ... }");
      return null;
    }
    Object converted = values.convert(value, keys.get(0).type(), "key field '" + keys.get(0).name() + "'");
    if (converted == TestValues.INVALID) {
      return null;
    }
    key.put(keys.get(0).name(), converted);
    return key;
  }

  private TestPlan.Expectation record(Expectation.RecordLike record, CheckedAggregate aggregate, int line) {
    if (aggregate == null) {
      return null;
    }
    Map<String, ValueType> members = new LinkedHashMap<>();
    members.put("window_start", ValueType.TIMESTAMP);
    members.put("window_end", ValueType.TIMESTAMP);
    aggregate.groupBy().forEach(g -> members.put(g.name(), g.type()));
    aggregate.outputs().forEach(o -> members.put(o.name(), o.type()));
    Map<String, Object> fields = new LinkedHashMap<>();
    boolean ok = true;
    for (Value.Member member : record.members()) {
      String name = member.name().value();
      ValueType type = members.get(name);
      if (type == null) {
        context.error(member.name().span(), "unknown member '" + name + "' of an aggregate record"
            + Suggestions.didYouMean(name, members.keySet()));
        ok = false;
        continue;
      }
      Object converted = values.convert(member.value(), type, "'" + name + "'");
      if (converted == TestValues.INVALID) {
        ok = false;
      } else {
        fields.put(name, converted);
      }
    }
    return ok ? new TestPlan.RecordMatching(fields, line) : null;
  }
}
