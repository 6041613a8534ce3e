package dev.tollgate.jobs.cli;

import dev.tollgate.jobs.generate.Scenario;
import dev.tollgate.jobs.generate.TrafficGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tollgate generate --events N --seed S --out FILE [--scenario NAME]}: synthetic traffic with labelled
 * typologies, to backtest rules against. See docs/generator.md.
 */
@Command(name = "generate", sortOptions = false,
    description = "Write synthetic cross-border commerce traffic with labelled typologies as JSON lines.")
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--events", paramLabel = "N", defaultValue = "100000", converter = CountConverter.class,
      description = "How many events to write, e.g. 100000, 1_000_000 or 250k (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Random seed: the same seed and options give byte-identical output (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the events; - for standard output.")
  Path out;

  @Option(names = "--scenario", paramLabel = "NAME", defaultValue = Scenario.DEFAULT, converter = ScenarioConverter.class,
      description = "mixed, background, aml, fraud, contraband, shipment, demand, or a typology label such as "
          + "structuring; combine with commas (default: ${DEFAULT-VALUE}).")
  Scenario scenario;

  @Option(names = "--start", paramLabel = "INSTANT", defaultValue = "2026-03-01T00:00:00Z",
      description = "Start of the simulated period, ISO-8601 UTC (default: ${DEFAULT-VALUE}).")
  Instant start;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    TrafficGenerator.Settings settings = new TrafficGenerator.Settings(events, seed, scenario, start);
    if (out.toString().equals("-")) {
      TrafficGenerator.Summary summary = TrafficGenerator.generate(settings, System.out);
      stderr.print(GenerationReport.render(summary, "standard output"));
      stderr.flush();
      return 0;
    }
    TrafficGenerator.Summary summary = writeFile(settings, out);
    stdout.print(GenerationReport.render(summary, out.toString()));
    stdout.flush();
    return 0;
  }

  /** Generates into a temporary file beside {@code file} and moves it in place, so no half file is left. */
  static TrafficGenerator.Summary writeFile(TrafficGenerator.Settings settings, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try {
      TrafficGenerator.Summary summary;
      try (OutputStream stream = Files.newOutputStream(partial)) {
        summary = TrafficGenerator.generate(settings, stream);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return summary;
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
