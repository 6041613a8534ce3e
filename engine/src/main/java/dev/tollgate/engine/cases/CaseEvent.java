package dev.tollgate.engine.cases;

import dev.tollgate.dsl.plan.Severity;
import java.util.Locale;

/**
 * Something that happened to a case, for the cases stream. Times are epoch milliseconds of event
 * time. A Flink POJO (a record of simple fields).
 *
 * @param sequence 1 for {@code opened}, then one more for each event of the case: with the case
 *     id, an idempotency key for consumers
 * @param keyJson the alert key shared by the case's alerts, as a JSON object
 * @param severity the case's severity after this event: the highest of its alerts'
 * @param previousSeverity for {@code severity_raised}, the severity before; else null
 * @param alertId the alert this event is about; null for {@code closed}
 * @param ruleId that alert's rule; null for {@code closed}
 * @param closesAt when the case closes unless another alert arrives: last alert + span
 * @param eventTime when this happened: the alert's event time, or {@code closesAt} for {@code closed}
 */
public record CaseEvent(
    Type type,
    String caseId,
    int sequence,
    String category,
    String keyJson,
    Severity severity,
    Severity previousSeverity,
    String alertId,
    String ruleId,
    int alertCount,
    long openedAt,
    long lastAlertAt,
    long closesAt,
    long eventTime) {

  /** The kinds of case event, written in JSON as their {@link #keyword()}. */
  public enum Type {
    OPENED, ALERT_ADDED, SEVERITY_RAISED, CLOSED;

    public String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Unique per case event: {@code <caseId>-<sequence>}. */
  public String caseEventId() {
    return caseId + "-" + sequence;
  }
}
