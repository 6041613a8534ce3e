package dev.tollgate.jobs.ruletest;

import dev.tollgate.dsl.plan.TestPlan;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.aggregate.WindowRecord;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.eval.ValueFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows expectations and outputs the way a test is written ({@code alert { key: "A1", events:
 * ["t1", "t2"] }}), so a failing test's output can be read next to its source, and an actual
 * alert pasted into an {@code expect}.
 */
final class Syntax {
  private Syntax() {}

  /** A value as a literal: strings and timestamps quoted, numbers plain. */
  static String value(Object value, ValueType type) {
    if (value == null) {
      return "null";
    }
    if (type == ValueType.STRING) {
      return quote(value.toString());
    }
    if (type == ValueType.TIMESTAMP && value instanceof Long millis) {
      return quote(ValueFormat.timestamp(millis));
    }
    StringBuilder out = new StringBuilder();
    ValueFormat.append(out, value, type);
    return out.toString();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** A key: the bare value of a one-field key, else {@code { field: value, ... }}. */
  static String key(Map<String, Object> key, Shape shape) {
    if (key.size() == 1 && shape.keyTypes().size() == 1) {
      Map.Entry<String, Object> only = key.entrySet().iterator().next();
      return value(only.getValue(), shape.keyType(only.getKey()));
    }
    List<String> members = new ArrayList<>();
    key.forEach((field, value) -> members.add(field + ": " + value(value, shape.keyType(field))));
    return members.isEmpty() ? "{}" : "{ " + String.join(", ", members) + " }";
  }

  static String ids(List<String> ids) {
    List<String> quoted = new ArrayList<>();
    ids.forEach(id -> quoted.add(quote(id)));
    return "[" + String.join(", ", quoted) + "]";
  }

  /** An actual alert with every member an expectation can check, and its event time. */
  static String alert(Alert alert, Shape shape) {
    List<String> members = new ArrayList<>();
    if (!alert.key().isEmpty()) {
      members.add("key: " + key(alert.key(), shape));
    }
    members.add("events: " + ids(alert.eventIds()));
    members.add("severity: " + alert.severity().keyword());
    members.add("message: " + quote(alert.message()));
    return "alert { " + String.join(", ", members) + " } at " + ValueFormat.timestamp(alert.eventTime());
  }

  /** An aggregate's record, members in output order. */
  static String record(WindowRecord record, Shape shape) {
    List<String> members = new ArrayList<>();
    recordMembers(record, shape).forEach((name, value) -> members.add(name + ": " + value(value, shape.recordType(name))));
    return "record { " + String.join(", ", members) + " }";
  }

  /** The record's members by name: window bounds, group fields, selected values. */
  static Map<String, Object> recordMembers(WindowRecord record, Shape shape) {
    Map<String, Object> members = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(shape.recordTypes().keySet());
    members.put("window_start", record.windowStart());
    members.put("window_end", record.windowEnd());
    int position = 2;
    for (Object value : record.groupValues()) {
      members.put(names.get(position++), value);
    }
    for (Object value : record.values()) {
      members.put(names.get(position++), value);
    }
    return members;
  }

  /** An expectation as written in the test. */
  static String expectation(TestPlan.Expectation expectation, Shape shape) {
    if (expectation instanceof TestPlan.NoAlerts) {
      return "expect no alerts";
    }
    if (expectation instanceof TestPlan.AlertCount count) {
      return "expect " + count.count() + " alerts";
    }
    if (expectation instanceof TestPlan.RecordCount count) {
      return "expect " + count.count() + " records";
    }
    if (expectation instanceof TestPlan.AlertMatching alert) {
      List<String> members = new ArrayList<>();
      if (alert.key() != null) {
        members.add("key: " + key(alert.key(), shape));
      }
      if (alert.events() != null) {
        members.add("events: " + ids(alert.events()));
      }
      if (alert.message() != null) {
        members.add("message: " + quote(alert.message()));
      }
      if (alert.severity() != null) {
        members.add("severity: " + alert.severity().keyword());
      }
      return "expect alert { " + String.join(", ", members) + " }";
    }
    TestPlan.RecordMatching record = (TestPlan.RecordMatching) expectation;
    List<String> members = new ArrayList<>();
    record.fields().forEach((name, value) -> members.add(name + ": " + value(value, shape.recordType(name))));
    return "expect record { " + String.join(", ", members) + " }";
  }
}
