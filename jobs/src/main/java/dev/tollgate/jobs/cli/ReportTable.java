package dev.tollgate.jobs.cli;

import dev.tollgate.engine.eval.ValueFormat;
import dev.tollgate.jobs.backtest.BacktestReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The backtest's console summary: counts, alerts per rule as an aligned table, then per aggregate
 * its leading groups.
 */
final class ReportTable {
  private ReportTable() {}

  static String render(BacktestReport report) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%,d input lines: %,d processed%s, %,d rejected%s%n",
        report.inputLines(), report.processed(),
        report.processedForAggregatesOnly() == 0 ? ""
            : String.format(" (%,d late for rules, counted by aggregates)", report.processedForAggregatesOnly()),
        report.rejected(), rejectedDetail(report)));
    out.append(String.format("%,d alerts, %,d aggregate records in %.1f s (%,.0f events/s)%n%n",
        report.alerts(), report.aggregateRecords(), report.elapsed().toMillis() / 1000.0, report.eventsPerSecond()));
    int width = Math.max(4, report.alertsPerRule().keySet().stream().mapToInt(String::length).max().orElse(4));
    boolean labelled = report.effectiveness() != null;
    out.append(String.format("%-" + width + "s %8s%s%n", "rule", "alerts", labelled ? "  precision" : ""));
    for (Map.Entry<String, Long> rule : report.alertsPerRule().entrySet()) {
      out.append(String.format("%-" + width + "s %,8d", rule.getKey(), rule.getValue()));
      if (labelled) {
        BacktestReport.RuleFigures figures = report.effectiveness().rules().get(rule.getKey());
        out.append(figures == null ? "" : String.format("  %9.1f%%", 100 * figures.precision()));
      }
      out.append('\n');
    }
    if (labelled) {
      out.append(typologyTable(report.effectiveness()));
    }
    report.aggregates().forEach((id, figures) -> appendLeaders(out, id, figures));
    return out.toString();
  }

  /**
   * Recall per typology: by instance when the input names instances (as generated traffic does), and
   * by event, which counts only the events a rule cites as evidence.
   */
  static String typologyTable(BacktestReport.Effectiveness effectiveness) {
    StringBuilder out = new StringBuilder();
    boolean byInstance = effectiveness.typologies().values().stream().anyMatch(f -> f.instances() > 0);
    int width = Math.max(8, effectiveness.typologies().keySet().stream().mapToInt(String::length).max().orElse(8));
    if (byInstance) {
      out.append(String.format("%n%-" + width + "s %9s %9s %7s %9s %9s%n",
          "typology", "instances", "detected", "recall", "events", "evidence"));
      effectiveness.typologies().forEach((typology, figures) -> out.append(String.format(
          "%-" + width + "s %,9d %,9d %6.1f%% %,9d %,9d%n", typology, figures.instances(), figures.detectedInstances(),
          100 * figures.instanceRecall(), figures.labelledEvents(), figures.detectedEvents())));
    } else {
      out.append(String.format("%n%-" + width + "s %9s %9s %8s%n", "typology", "labelled", "detected", "recall"));
      effectiveness.typologies().forEach((typology, figures) -> out.append(String.format(
          "%-" + width + "s %,9d %,9d %7.1f%%%n", typology, figures.labelledEvents(), figures.detectedEvents(),
          100 * figures.recall())));
    }
    return out.toString();
  }

  /** {@code aggregate id: N records, M groups; top K by total units}, then the groups as a table. */
  private static void appendLeaders(StringBuilder out, String id, BacktestReport.AggregateFigures figures) {
    out.append(String.format("%naggregate %s: %,d records, %,d groups", id, figures.records(), figures.groups()));
    if (figures.top().isEmpty()) {
      out.append('\n');
      return;
    }
    out.append(String.format("; top %d by %s %s%n", figures.top().size(),
        figures.rankedByTotal() ? "total" : "peak", figures.measure()));
    List<String> header = new ArrayList<>(figures.groupFields());
    header.add("windows");
    if (figures.rankedByTotal()) {
      header.add("total " + figures.measure());
    }
    header.add("peak " + figures.measure());
    header.add("peak window");
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (BacktestReport.GroupFigures group : figures.top()) {
      List<String> row = new ArrayList<>(group.group());
      row.add(String.format("%,d", group.windows()));
      if (figures.rankedByTotal()) {
        row.add(number(group.total()));
      }
      row.add(number(group.peak()));
      row.add(group.peak() == null ? "" : ValueFormat.timestamp(group.peakWindowStart()));
      rows.add(row);
    }
    appendAligned(out, rows, figures.groupFields().size());
  }

  /** Columns from {@code firstNumeric} on are right-aligned; the last column is left as is. */
  private static void appendAligned(StringBuilder out, List<List<String>> rows, int firstNumeric) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder(" ");
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        String pad = " ".repeat(widths[c] - cell.length());
        line.append(' ');
        boolean right = c >= firstNumeric && c < columns - 1;
        line.append(right ? pad + cell : c < columns - 1 ? cell + pad : cell);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static String number(BigDecimal value) {
    if (value == null) {
      return "";
    }
    return value.scale() <= 0 ? String.format("%,d", value.toBigInteger()) : String.format("%,." + value.scale() + "f", value);
  }

  private static String rejectedDetail(BacktestReport report) {
    if (report.rejectedByReason().isEmpty()) {
      return "";
    }
    StringBuilder detail = new StringBuilder(" (");
    report.rejectedByReason().forEach((reason, count) -> detail.append(detail.length() > 2 ? ", " : "")
        .append(reason).append(' ').append(String.format("%,d", count)));
    return detail.append(')').toString();
  }
}
