package dev.tollgate.engine.metrics;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * One rule's (or aggregate's) counters, registered in the metric group of the operator that runs
 * it under {@code tollgate.rule.<ruleId>}: Flink's reporters then show them per rule (Prometheus:
 * a {@code rule} label) and per subtask, next to Flink's own operator metrics.
 *
 * <ul>
 *   <li>{@value #EVENTS_EVALUATED}: events of a type the rule reads that the rule examined (its
 *       {@code where} included), or window records for an aggregate's spike;
 *   <li>{@value #ALERTS}: alerts raised;
 *   <li>{@value #LATE}: events an aggregate's window refused because it had closed.
 * </ul>
 * The first two are registered together by {@link #of}, so a quiet rule reports zero; {@value
 * #LATE} by {@link #lateCounter} in the operator that sees late events. Counters are plain increments: cheap enough for the per-event path.
 */
public final class RuleMetrics {
  /** The user group every Tollgate metric lives under. */
  public static final String GROUP = "tollgate";
  /** The key of the per-rule group; its value is the rule or aggregate id. */
  public static final String RULE = "rule";
  public static final String EVENTS_EVALUATED = "eventsEvaluated";
  public static final String ALERTS = "alerts";
  public static final String LATE = "late";

  private final Counter evaluated;
  private final Counter alerts;

  private RuleMetrics(MetricGroup group, Counter evaluated) {
    this.evaluated = evaluated == null ? group.counter(EVENTS_EVALUATED) : group.counter(EVENTS_EVALUATED, evaluated);
    this.alerts = group.counter(ALERTS);
  }

  /** The counters of {@code ruleId} in {@code operatorGroup}. */
  public static RuleMetrics of(MetricGroup operatorGroup, String ruleId) {
    return new RuleMetrics(ruleGroup(operatorGroup, ruleId), null);
  }

  /**
   * The counters of {@code ruleId}, with {@code evaluated} shared by the rules that examine every
   * event of one type: counted once per event for all of them, however many rules there are.
   */
  public static RuleMetrics of(MetricGroup operatorGroup, String ruleId, Counter evaluated) {
    return new RuleMetrics(ruleGroup(operatorGroup, ruleId), evaluated);
  }

  /** The late-events counter of {@code ruleId} in {@code operatorGroup}. */
  public static Counter lateCounter(MetricGroup operatorGroup, String ruleId) {
    return ruleGroup(operatorGroup, ruleId).counter(LATE);
  }

  private static MetricGroup ruleGroup(MetricGroup operatorGroup, String ruleId) {
    return operatorGroup.addGroup(GROUP).addGroup(RULE, ruleId);
  }

  /** Events (or window records) the rule examined. */
  public Counter evaluated() {
    return evaluated;
  }

  public Counter alerts() {
    return alerts;
  }
}
