package dev.tollgate.jobs.ruletest;

import dev.tollgate.engine.aggregate.WindowRecord;
import dev.tollgate.engine.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/**
 * What a failed test shows: each unmet expectation at its {@code file:line} with what was seen
 * instead, then everything the target produced (alerts, records) and any given event the pipeline
 * rejected, since a late or malformed given event explains many a surprise.
 */
final class FailureText {
  /** Outputs listed per kind before the list is cut short. */
  private static final int LISTED = 20;

  private FailureText() {}

  /** The lines, indented relative to one another, without a common indent. */
  static List<String> lines(TestResult result) {
    List<String> lines = new ArrayList<>();
    for (Mismatch mismatch : result.mismatches()) {
      lines.add(TestLocation.at(result.test(), mismatch.line()) + ": " + mismatch.expected());
      mismatch.details().forEach(detail -> lines.add("  " + detail));
    }
    Observed observed = result.observed();
    List<String> alerts = new ArrayList<>();
    for (Alert alert : observed.alerts) {
      alerts.add(Syntax.alert(alert, result.shape()));
    }
    listing(lines, "alerts raised", alerts);
    if (result.test().aggregate() != null) {
      List<String> records = new ArrayList<>();
      for (WindowRecord record : observed.records) {
        records.add(Syntax.record(record, result.shape()));
      }
      listing(lines, "records", records);
    }
    if (!observed.rejected.isEmpty()) {
      listing(lines, "given events rejected", observed.rejected);
    }
    return lines;
  }

  /** The first unmet expectation in one line, for reports that show a summary. */
  static String summary(TestResult result) {
    Mismatch first = result.mismatches().get(0);
    String seen = first.details().isEmpty() ? "" : ": " + first.details().get(0);
    return TestLocation.at(result.test(), first.line()) + ": " + first.expected() + seen;
  }

  private static void listing(List<String> lines, String title, List<String> items) {
    lines.add(title + " (" + items.size() + ")" + (items.isEmpty() ? "" : ":"));
    for (int i = 0; i < Math.min(LISTED, items.size()); i++) {
      lines.add("  " + (i + 1) + ". " + items.get(i));
    }
    if (items.size() > LISTED) {
      lines.add("  ... and " + (items.size() - LISTED) + " more");
    }
  }
}
