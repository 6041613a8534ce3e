package dev.tollgate.jobs.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's results as {@code bench-results.json} and as a Markdown table with the targets,
 * every figure also given as a ratio to parse-only.
 */
record BenchReport(Machine machine, String command, Benchmark.Settings settings, Instant finished, List<CaseResult> cases) {

  Map<String, CaseResult> byName() {
    Map<String, CaseResult> byName = new LinkedHashMap<>();
    for (CaseResult result : cases) {
      byName.put(result.name(), result);
    }
    return byName;
  }

  private CaseResult parseOnly() {
    return byName().get(Cases.PARSE_ONLY);
  }

  String json() throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      json.writeStringField("finished", finished.toString());
      json.writeStringField("command", command);
      json.writeObjectFieldStart("machine");
      json.writeNumberField("cpus", machine.cpus());
      json.writeStringField("cpu", machine.cpuModel());
      json.writeStringField("java", machine.java());
      json.writeStringField("os", machine.os());
      json.writeNumberField("maxHeapBytes", machine.maxHeapBytes());
      json.writeEndObject();
      json.writeObjectFieldStart("settings");
      json.writeNumberField("events", settings.events());
      json.writeNumberField("rounds", settings.rounds());
      json.writeNumberField("warmup", settings.warmup());
      json.writeNumberField("parallelism", settings.parallelism());
      json.writeNumberField("seed", settings.seed());
      json.writeEndObject();
      json.writeArrayFieldStart("cases");
      CaseResult base = parseOnly();
      for (CaseResult result : cases) {
        writeCase(json, result, base);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("targets");
      for (Targets.Target target : Targets.check(byName())) {
        json.writeStartObject();
        json.writeStringField("target", target.description());
        json.writeStringField("case", target.caseName());
        json.writeStringField("baseline", target.baseline());
        json.writeNumberField("ratio", round(target.actual()));
        json.writeNumberField("ratioPerCpuSecond", round(target.perCpu()));
        json.writeNumberField("required", target.required());
        json.writeBooleanField("met", target.met());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return text + "\n";
  }

  private static void writeCase(JsonGenerator json, CaseResult result, CaseResult base) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", result.name());
    json.writeStringField("description", result.benchCase().description());
    json.writeStringField("input", result.inputDescription());
    json.writeStringField("stateBackend", result.benchCase().rocksdb() ? "rocksdb" : "hashmap");
    json.writeObjectFieldStart("eventsPerSecond");
    json.writeNumberField("median", Math.round(result.medianEventsPerSecond()));
    json.writeNumberField("min", Math.round(result.minEventsPerSecond()));
    json.writeNumberField("max", Math.round(result.maxEventsPerSecond()));
    json.writeNumberField("spreadPercent", round(result.spreadPercent()));
    json.writeEndObject();
    json.writeNumberField("eventsPerCpuSecond", Math.round(result.medianEventsPerCpuSecond()));
    json.writeNumberField("heapPeakBytes", result.heapPeakBytes());
    if (result.benchCase().rocksdb()) {
      json.writeNumberField("rocksdbStateBytes", result.stateBytes());
    }
    json.writeNumberField("outputs", result.outputs());
    if (base != null) {
      json.writeObjectFieldStart("ratioToParseOnly");
      json.writeNumberField("eventsPerSecond", round(result.medianEventsPerSecond() / base.medianEventsPerSecond()));
      json.writeNumberField("eventsPerCpuSecond", round(result.medianEventsPerCpuSecond() / base.medianEventsPerCpuSecond()));
      json.writeNumberField("heapPeak", round((double) result.heapPeakBytes() / base.heapPeakBytes()));
      json.writeEndObject();
    }
    json.writeArrayFieldStart("rounds");
    for (RoundResult round : result.rounds()) {
      json.writeStartObject();
      json.writeNumberField("eventsPerSecond", Math.round(round.eventsPerSecond()));
      json.writeNumberField("elapsedMillis", round.elapsedNanos() / 1_000_000);
      json.writeNumberField("cpuMillis", round.cpuNanos() / 1_000_000);
      json.writeNumberField("lines", round.lines());
      json.writeNumberField("events", round.events());
      json.writeNumberField("rejected", round.rejected());
      json.writeNumberField("outputs", round.outputs());
      json.writeNumberField("heapLiveBytes", round.heapLiveBytes());
      json.writeNumberField("heapSampledBytes", round.heapSampledBytes());
      json.writeNumberField("stateBytes", round.stateBytes());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** The results table and the targets, in Markdown. */
  String markdown() {
    CaseResult base = parseOnly();
    StringBuilder md = new StringBuilder();
    md.append("| case | events/s (median) | min – max (spread) | × parse-only | events per CPU-s | × parse-only"
        + " | heap peak | × parse-only | RocksDB state | outputs |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (CaseResult result : cases) {
      md.append("| ").append(result.name())
          .append(" | ").append(count(result.medianEventsPerSecond()))
          .append(" | ").append(count(result.minEventsPerSecond())).append(" – ").append(count(result.maxEventsPerSecond()))
          .append(String.format(Locale.ROOT, " (%.0f%%)", result.spreadPercent()))
          .append(" | ").append(base == null ? "" : ratio(result.medianEventsPerSecond() / base.medianEventsPerSecond()))
          .append(" | ").append(count(result.medianEventsPerCpuSecond()))
          .append(" | ").append(base == null ? "" : ratio(result.medianEventsPerCpuSecond() / base.medianEventsPerCpuSecond()))
          .append(" | ").append(bytes(result.heapPeakBytes()))
          .append(" | ").append(base == null ? "" : ratio((double) result.heapPeakBytes() / base.heapPeakBytes()))
          .append(" | ").append(result.benchCase().rocksdb() ? bytes(result.stateBytes()) : "–")
          .append(" | ").append(count(result.outputs()))
          .append(" |\n");
    }
    md.append('\n');
    for (CaseResult result : cases) {
      md.append("- `").append(result.name()).append("`: ").append(result.benchCase().description())
          .append("; ").append(result.inputDescription()).append('\n');
    }
    List<Targets.Target> targets = Targets.check(byName());
    if (!targets.isEmpty()) {
      md.append("\n| target | measured (events/s) | per CPU-s | |\n|---|---:|---:|---|\n");
      for (Targets.Target target : targets) {
        md.append("| ").append(target.description()).append(" (`").append(target.caseName()).append("`)")
            .append(" | ").append(ratio(target.actual()))
            .append(" | ").append(ratio(target.perCpu()))
            .append(" | ").append(target.met() ? "met" : "**missed**").append(" |\n");
      }
    }
    return md.toString();
  }

  /** Where and how it ran, in Markdown. */
  String setup() {
    return String.format(Locale.ROOT,
        "Machine: %d CPUs (%s), %s, %s, max heap %s. Parallelism %d; %d warm-up and %d measured rounds per case; "
            + "finished %s.%n%nCommand:%n%n```%n%s%n```%n",
        machine.cpus(), machine.cpuModel(), machine.java(), machine.os(), bytes(machine.maxHeapBytes()),
        settings.parallelism(), settings.warmup(), settings.rounds(), finished, command);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static String count(double value) {
    return String.format(Locale.ROOT, "%,d", Math.round(value));
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String bytes(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
