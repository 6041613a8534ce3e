package dev.tollgate.jobs.cli;

import dev.tollgate.dsl.plan.RoutePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** After a backtest: how many alerts each route would have received, and how many cases opened. */
final class RoutingReport {
  private RoutingReport() {}

  static void print(PrintWriter out, RuleSetPlan plan, Path outDir) {
    if (plan.routes().isEmpty()) {
      return;
    }
    out.println("routes (dry run, nothing delivered):");
    for (RoutePlan route : plan.routes()) {
      out.printf("  %-24s %6d alerts -> %s%n", route.name(), lines(outDir.resolve("routed/" + route.name() + ".jsonl")),
          RouteSummary.of(route));
    }
    long opened;
    try (Stream<String> events = Files.lines(outDir.resolve("cases.jsonl"))) {
      opened = events.filter(line -> line.contains("\"type\":\"opened\"")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.printf("  %d cases opened; wrote %s and %s%n", opened, outDir.resolve("routed"), outDir.resolve("cases.jsonl"));
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
