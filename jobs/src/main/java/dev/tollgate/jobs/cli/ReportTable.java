package dev.tollgate.jobs.cli;

import dev.tollgate.jobs.backtest.BacktestReport;
import java.util.Map;

/** The backtest's console summary: counts, then alerts per rule as an aligned table. */
final class ReportTable {
  private ReportTable() {}

  static String render(BacktestReport report) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%,d input lines: %,d processed, %,d rejected%s%n",
        report.inputLines(), report.processed(), report.rejected(), rejectedDetail(report)));
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
      out.append(String.format("%n%-24s %9s %9s %8s%n", "typology", "labelled", "detected", "recall"));
      report.effectiveness().typologies().forEach((typology, figures) -> out.append(String.format(
          "%-24s %,9d %,9d %7.1f%%%n", typology, figures.labelledEvents(), figures.detectedEvents(), 100 * figures.recall())));
    }
    return out.toString();
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
