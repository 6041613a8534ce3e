package dev.tollgate.jobs.ruletest;

import dev.tollgate.engine.aggregate.WindowRecord;
import dev.tollgate.engine.alert.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one test's pipeline produced, in a stable order: alerts by event time, rule and events;
 * window records by window and group; rejected given events in input order.
 */
final class Observed {
  private static final Comparator<Alert> ALERT_ORDER = Comparator.comparingLong(Alert::eventTime)
      .thenComparing(Alert::ruleId)
      .thenComparing(alert -> String.join(",", alert.eventIds()))
      .thenComparing(Alert::alertId);
  private static final Comparator<WindowRecord> RECORD_ORDER = Comparator.comparingLong(WindowRecord::windowStart)
      .thenComparingLong(WindowRecord::windowEnd)
      .thenComparing(record -> record.groupValues().toString());

  final List<Alert> alerts = new ArrayList<>();
  final List<WindowRecord> records = new ArrayList<>();
  final List<String> rejected = new ArrayList<>();

  /** Puts every list in its stable order; call once everything was added. */
  Observed sorted() {
    alerts.sort(ALERT_ORDER);
    records.sort(RECORD_ORDER);
    return this;
  }
}
