package dev.tollgate.jobs.ruletest;

import dev.tollgate.dsl.plan.TestPlan;
import dev.tollgate.engine.aggregate.WindowRecord;
import dev.tollgate.engine.alert.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Checks a test's expectations against what its target produced, as the language defines them:
 * {@code expect no alerts} and {@code expect N alerts|records} count; {@code expect alert {...}}
 * and {@code expect record {...}} hold when some output has every member given (a partial key
 * object checks only the fields it names; events are ids in order; numbers compare by value).
 * Each unmet expectation says what was seen instead: the count, or the outputs closest to what
 * was expected and how each differs.
 */
final class Expectations {
  /** How many near misses a failed {@code expect alert|record} shows. */
  private static final int CLOSEST_SHOWN = 3;

  private Expectations() {}

  static List<Mismatch> check(TestPlan test, Observed observed, Shape shape) {
    List<Mismatch> mismatches = new ArrayList<>();
    for (TestPlan.Expectation expectation : test.expectations()) {
      List<String> details = unmet(expectation, observed, shape);
      if (details != null) {
        mismatches.add(new Mismatch(expectation.line(), Syntax.expectation(expectation, shape), details));
      }
    }
    return mismatches;
  }

  /** Null when the expectation holds, else what was seen instead. */
  private static List<String> unmet(TestPlan.Expectation expectation, Observed observed, Shape shape) {
    if (expectation instanceof TestPlan.NoAlerts) {
      return count(0, observed.alerts.size(), "alert");
    }
    if (expectation instanceof TestPlan.AlertCount count) {
      return count(count.count(), observed.alerts.size(), "alert");
    }
    if (expectation instanceof TestPlan.RecordCount count) {
      return count(count.count(), observed.records.size(), "record");
    }
    if (expectation instanceof TestPlan.AlertMatching expected) {
      List<List<String>> differences = new ArrayList<>();
      for (Alert alert : observed.alerts) {
        differences.add(differences(expected, alert, shape));
      }
      return closest(differences, "alert");
    }
    TestPlan.RecordMatching expected = (TestPlan.RecordMatching) expectation;
    List<List<String>> differences = new ArrayList<>();
    for (WindowRecord record : observed.records) {
      differences.add(differences(expected, record, shape));
    }
    return closest(differences, "record");
  }

  private static List<String> count(int expected, int actual, String noun) {
    if (expected == actual) {
      return null;
    }
    return List.of("got " + (actual == 0 ? "no " + noun + "s" : actual + " " + noun + (actual == 1 ? "" : "s")));
  }

  /** Null if some output differs in nothing, else the outputs that differ least, numbered as listed. */
  private static List<String> closest(List<List<String>> differences, String noun) {
    if (differences.isEmpty()) {
      return List.of("got no " + noun + "s");
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < differences.size(); i++) {
      if (differences.get(i).isEmpty()) {
        return null;
      }
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> differences.get(i).size()));
    List<String> details = new ArrayList<>();
    details.add("no " + noun + " matches" + (differences.size() == 1 ? "" : "; the closest:"));
    for (int i : order.subList(0, Math.min(CLOSEST_SHOWN, order.size()))) {
      details.add(noun + " " + (i + 1) + ": " + String.join(", ", differences.get(i)));
    }
    return details;
  }

  private static List<String> differences(TestPlan.AlertMatching expected, Alert alert, Shape shape) {
    List<String> differences = new ArrayList<>();
    if (expected.key() != null) {
      boolean same = true;
      for (Map.Entry<String, Object> field : expected.key().entrySet()) {
        same &= alert.key().containsKey(field.getKey()) && SameValue.test(field.getValue(), alert.key().get(field.getKey()));
      }
      if (!same) {
        differences.add("key " + Syntax.key(alert.key(), shape) + " (expected " + Syntax.key(expected.key(), shape) + ")");
      }
    }
    if (expected.events() != null && !expected.events().equals(alert.eventIds())) {
      differences.add("events " + Syntax.ids(alert.eventIds()) + " (expected " + Syntax.ids(expected.events()) + ")");
    }
    if (expected.message() != null && !expected.message().equals(alert.message())) {
      differences.add("message " + Syntax.quote(alert.message()) + " (expected " + Syntax.quote(expected.message()) + ")");
    }
    if (expected.severity() != null && expected.severity() != alert.severity()) {
      differences.add("severity " + alert.severity().keyword() + " (expected " + expected.severity().keyword() + ")");
    }
    return differences;
  }

  private static List<String> differences(TestPlan.RecordMatching expected, WindowRecord record, Shape shape) {
    Map<String, Object> actual = Syntax.recordMembers(record, shape);
    List<String> differences = new ArrayList<>();
    expected.fields().forEach((name, value) -> {
      if (!SameValue.test(value, actual.get(name))) {
        differences.add(name + " " + Syntax.value(actual.get(name), shape.recordType(name))
            + " (expected " + Syntax.value(value, shape.recordType(name)) + ")");
      }
    });
    return differences;
  }
}
