package dev.tollgate.engine.metrics;

import dev.tollgate.engine.event.RejectReason;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * What the pipeline's admission step did with its input, in its operator's metric group: {@code
 * tollgate.}{@value #EVENTS_ADMITTED}, and {@code tollgate.reason.<code>.}{@value #REJECTED} for
 * each {@link RejectReason} ({@code bad_json}, ..., {@code late}). Rejection happens before any rule
 * sees a record, so these are per job, not per rule; admitted plus rejected is every record read.
 * Every counter is registered up front, so a reason that never occurred reports zero.
 */
public final class AdmissionMetrics {
  public static final String EVENTS_ADMITTED = "eventsAdmitted";
  public static final String REASON = "reason";
  public static final String REJECTED = "rejected";

  private final Counter admitted;
  private final Counter[] rejected;

  public AdmissionMetrics(MetricGroup operatorGroup) {
    MetricGroup group = operatorGroup.addGroup(RuleMetrics.GROUP);
    admitted = group.counter(EVENTS_ADMITTED);
    RejectReason[] reasons = RejectReason.values();
    rejected = new Counter[reasons.length];
    for (RejectReason reason : reasons) {
      rejected[reason.ordinal()] = group.addGroup(REASON, reason.code()).counter(REJECTED);
    }
  }

  public void admitted() {
    admitted.inc();
  }

  public void rejected(RejectReason reason) {
    rejected[reason.ordinal()].inc();
  }
}
