package dev.tollgate.jobs.cli;

import dev.tollgate.jobs.generate.TrafficGenerator;
import dev.tollgate.jobs.generate.Typology;
import java.time.Duration;
import java.util.Map;

/** The console summary of a generated file: volume, period, event types and injected typologies. */
final class GenerationReport {
  private GenerationReport() {}

  static String render(TrafficGenerator.Summary summary, String target) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("wrote %,d events to %s in %.1f s (%,.0f events/s)%n", summary.events(), target,
        summary.elapsed().toMillis() / 1000.0, summary.eventsPerSecond()));
    if (summary.first() != null) {
      double days = Duration.between(summary.first(), summary.last()).toMinutes() / (24 * 60.0);
      out.append(String.format("  event time %s .. %s (%.1f days)%n", summary.first(), summary.last(), days));
    }
    out.append("  ");
    String separator = "";
    for (Map.Entry<String, Long> type : summary.eventsByType().entrySet()) {
      if (type.getValue() > 0) {
        out.append(separator).append(String.format("%s %,d", type.getKey(), type.getValue()));
        separator = ", ";
      }
    }
    out.append(String.format("%n"));
    int instances = summary.instancesByTypology().values().stream().mapToInt(Integer::intValue).sum();
    out.append(String.format("  %,d labelled events in %,d instances of %d typologies", summary.labelledEvents(),
        instances, summary.instancesByTypology().size()));
    if (!summary.instancesByTypology().isEmpty()) {
      out.append(':');
      separator = " ";
      for (Map.Entry<Typology, Integer> typology : summary.instancesByTypology().entrySet()) {
        out.append(separator).append(typology.getKey().label()).append(' ').append(typology.getValue());
        separator = ", ";
      }
    }
    return out.append(String.format("%n")).toString();
  }
}
