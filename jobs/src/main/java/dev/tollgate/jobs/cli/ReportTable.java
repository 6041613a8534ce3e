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
      out.append(typologyTable(report.effectiveness()));
    }
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
