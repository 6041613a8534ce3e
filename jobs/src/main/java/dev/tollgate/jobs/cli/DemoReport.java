package dev.tollgate.jobs.cli;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.jobs.backtest.BacktestReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's summary of a backtest: what went in, the rules that fired (busiest first, with severity and
 * precision against the generator's labels), and how many injected instances of each typology were caught.
 */
final class DemoReport {
  private DemoReport() {}

  static String render(BacktestReport report, RuleSetPlan plan) {
    Map<String, String> severities = severities(plan);
    List<Map.Entry<String, Long>> fired = new ArrayList<>();
    for (Map.Entry<String, Long> rule : report.alertsPerRule().entrySet()) {
      if (rule.getValue() > 0) {
        fired.add(rule);
      }
    }
    fired.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));

    StringBuilder out = new StringBuilder();
    out.append(String.format("Input    %,d events: %,d processed, %,d rejected%n", report.inputLines(),
        report.processed(), report.rejected()));
    out.append(String.format("Alerts   %,d from %d of %d rules, in %.1f s (%,.0f events/s)%n%n", report.alerts(),
        fired.size(), report.alertsPerRule().size(), report.elapsed().toMillis() / 1000.0, report.eventsPerSecond()));
    int width = Math.max(4, fired.stream().mapToInt(rule -> rule.getKey().length()).max().orElse(4));
    BacktestReport.Effectiveness effectiveness = report.effectiveness();
    out.append(String.format("%-" + width + "s  %-8s %8s  %s%n", "rule", "severity", "alerts",
        effectiveness == null ? "" : "precision"));
    for (Map.Entry<String, Long> rule : fired) {
      out.append(String.format("%-" + width + "s  %-8s %,8d", rule.getKey(),
          severities.getOrDefault(rule.getKey(), ""), rule.getValue()));
      BacktestReport.RuleFigures figures = effectiveness == null ? null : effectiveness.rules().get(rule.getKey());
      if (figures != null) {
        out.append(String.format("  %8.1f%%", 100 * figures.precision()));
      }
      out.append(String.format("%n"));
    }
    int silent = report.alertsPerRule().size() - fired.size();
    if (silent > 0) {
      out.append(String.format("(%d more rules raised no alert on this sample)%n", silent));
    }
    if (effectiveness != null) {
      out.append(String.format("%nInjected typologies caught by at least one alert:"));
      out.append(ReportTable.typologyTable(effectiveness));
    }
    return out.toString();
  }

  private static Map<String, String> severities(RuleSetPlan plan) {
    Map<String, String> severities = new HashMap<>();
    for (RulePlan rule : plan.rules()) {
      severities.put(rule.id(), rule.metadata().severity().keyword());
    }
    for (AggregatePlan aggregate : plan.aggregates()) {
      if (aggregate.spike() != null) {
        severities.put(aggregate.id(), aggregate.spike().severity().keyword());
      }
    }
    return severities;
  }
}
