package dev.tollgate.jobs.backtest;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The groups with the most of each aggregate's measure over a backtest, for the console table and
 * {@code summary.json}. The measure is the aggregate's first numeric select. Groups are ranked by
 * their total over all windows when that total means something — a tumbling window's {@code count}
 * or {@code sum}, where every event is in exactly one window — and otherwise by their peak window
 * (sliding windows count an event once per slide; averages, minima and distinct counts do not add
 * up).
 */
final class AggregateLeaders {
  private final Map<String, Tally> tallies = new LinkedHashMap<>();

  /** @param aggregates the aggregates the backtest ran */
  AggregateLeaders(List<AggregatePlan> aggregates) {
    for (AggregatePlan aggregate : aggregates) {
      tallies.put(aggregate.id(), new Tally(aggregate));
    }
  }

  /**
   * The slot of the aggregate's first numeric select, or -1 when it has none (only {@code min} or
   * {@code max} of strings and timestamps).
   */
  static int measureSlot(AggregatePlan aggregate) {
    for (int slot = 0; slot < aggregate.select().size(); slot++) {
      ValueType type = aggregate.select().get(slot).aggregate().type();
      if (type == ValueType.LONG || type == ValueType.DECIMAL || type == ValueType.DOUBLE) {
        return slot;
      }
    }
    return -1;
  }

  /** Whether the measure's total over a group's windows is meaningful. */
  static boolean additive(AggregatePlan aggregate, int slot) {
    AggregateFunction function = aggregate.select().get(slot).aggregate().function();
    return aggregate.window().kind() == AggregatePlan.WindowKind.TUMBLING
        && (function == AggregateFunction.COUNT || function == AggregateFunction.SUM);
  }

  /** Counts one window record line of {@code aggregates.jsonl}. */
  void add(OutputLine record) {
    Tally tally = tallies.get(record.source);
    if (tally != null) {
      tally.add(record);
    }
  }

  /** Per aggregate (by id), its figures with the top {@code limit} groups. */
  SortedMap<String, BacktestReport.AggregateFigures> result(int limit) {
    SortedMap<String, BacktestReport.AggregateFigures> figures = new TreeMap<>();
    tallies.forEach((id, tally) -> figures.put(id, tally.figures(limit)));
    return figures;
  }

  private static final class Tally {
    private final List<String> groupFields;
    private final String measure;
    private final boolean byTotal;
    private final Map<List<String>, GroupTally> groups = new HashMap<>();
    private long records;

    Tally(AggregatePlan aggregate) {
      groupFields = aggregate.groupBy().stream().map(AggregatePlan.GroupField::name).toList();
      int slot = measureSlot(aggregate);
      measure = slot < 0 ? null : aggregate.select().get(slot).name();
      byTotal = slot >= 0 && additive(aggregate, slot);
    }

    void add(OutputLine record) {
      records++;
      GroupTally group = groups.computeIfAbsent(Arrays.asList(record.group), g -> new GroupTally());
      group.windows++;
      if (record.measure != null) {
        BigDecimal value = new BigDecimal(record.measure);
        group.total = group.total.add(value);
        if (group.peak == null || value.compareTo(group.peak) > 0
            || value.compareTo(group.peak) == 0 && record.order < group.peakWindowStart) {
          group.peak = value;
          group.peakWindowStart = record.order;
        }
      }
    }

    BacktestReport.AggregateFigures figures(int limit) {
      Comparator<Map.Entry<List<String>, GroupTally>> ranking = Comparator.comparing(
          (Map.Entry<List<String>, GroupTally> e) -> byTotal ? e.getValue().total : peakOrMin(e.getValue()),
          Comparator.reverseOrder());
      ranking = ranking.thenComparing(e -> String.join("\u0000", e.getKey()));
      List<BacktestReport.GroupFigures> top = new ArrayList<>();
      groups.entrySet().stream().sorted(ranking).limit(measure == null ? 0 : limit).forEach(e -> top.add(
          new BacktestReport.GroupFigures(e.getKey(), e.getValue().windows, byTotal ? e.getValue().total : null,
              e.getValue().peak, e.getValue().peakWindowStart)));
      return new BacktestReport.AggregateFigures(groupFields, measure, byTotal, records, groups.size(), top);
    }

    private static BigDecimal peakOrMin(GroupTally group) {
      return group.peak == null ? BigDecimal.valueOf(Long.MIN_VALUE) : group.peak;
    }
  }

  private static final class GroupTally {
    long windows;
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal peak;
    long peakWindowStart;
  }
}
