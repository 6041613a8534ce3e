package dev.tollgate.jobs.backtest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a backtest did: every input line is either processed or rejected, so {@code inputLines ==
 * processed + sum(rejectedByReason)}.
 *
 * @param processed input lines admitted as events, those for aggregates only included
 * @param processedForAggregatesOnly of those, the events too late for rules that were counted by
 *     aggregates within their lateness
 * @param alertsPerRule every enabled rule and aggregate, zero included
 * @param aggregates every enabled aggregate by id, with its leading groups
 * @param effectiveness figures against the generator's labels; null when the input has none
 */
public record BacktestReport(
    long inputLines,
    long processed,
    long processedForAggregatesOnly,
    SortedMap<String, Long> rejectedByReason,
    SortedMap<String, Long> alertsPerRule,
    long aggregateRecords,
    SortedMap<String, AggregateFigures> aggregates,
    Duration elapsed,
    Effectiveness effectiveness) {

  public long rejected() {
    return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  public long alerts() {
    return alertsPerRule.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Input lines per second of wall-clock time, cluster start included. */
  public double eventsPerSecond() {
    double seconds = Math.max(1e-3, elapsed.toNanos() / 1e9);
    return inputLines / seconds;
  }

  /**
   * What one aggregate produced.
   *
   * @param groupFields the aggregate's group-by field names
   * @param measure the select the groups are ranked by (the first numeric one), or null if none
   * @param rankedByTotal true: groups ranked by the measure's total over their windows; false: by
   *     their peak window
   * @param records window records written
   * @param groups distinct groups among them
   * @param top the leading groups, best first
   */
  public record AggregateFigures(
      List<String> groupFields, String measure, boolean rankedByTotal, long records, long groups, List<GroupFigures> top) {}

  /**
   * One group's figures.
   *
   * @param group the group values, in group-by order, as written in the records
   * @param windows how many window records the group has
   * @param total the measure summed over those windows; null unless the ranking is by total
   * @param peak the largest value of the measure in one window; null if every value was null
   * @param peakWindowStart start of the (earliest) window with the peak, epoch millis
   */
  public record GroupFigures(List<String> group, long windows, BigDecimal total, BigDecimal peak, long peakWindowStart) {}

  /** Precision per rule and recall per typology, from {@code label} members of the input. */
  public record Effectiveness(Map<String, RuleFigures> rules, Map<String, TypologyFigures> typologies) {}

  /**
   * @param truePositives alerts with at least one labelled event among their evidence
   */
  public record RuleFigures(long alerts, long truePositives, long falsePositives, SortedMap<String, Long> typologies) {
    public double precision() {
      return alerts == 0 ? 0 : (double) truePositives / alerts;
    }
  }

  /**
   * @param labelledEvents events the input labels with this typology
   * @param detectedEvents of those, the ones that are evidence in at least one alert
   * @param instances injected instances of the typology (distinct {@code instance} members); 0 when
   *     the input does not name instances
   * @param detectedInstances of those, the ones with at least one event among an alert's evidence
   * @param detectedBy alerts per rule that had this typology's events as evidence
   */
  public record TypologyFigures(long labelledEvents, long detectedEvents, long instances, long detectedInstances,
      SortedMap<String, Long> detectedBy) {
    public long missed() {
      return labelledEvents - detectedEvents;
    }

    /** Share of labelled events that are evidence in an alert. */
    public double recall() {
      return labelledEvents == 0 ? 0 : (double) detectedEvents / labelledEvents;
    }

    /**
     * Share of instances caught by at least one alert: what an analyst means by recall, since a rule
     * cites the events that prove a case, not every event of it.
     */
    public double instanceRecall() {
      return instances == 0 ? 0 : (double) detectedInstances / instances;
    }
  }
}
