package dev.tollgate.jobs.backtest;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.pipeline.AdmitEvents;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.engine.route.RoutingOptions;
import dev.tollgate.engine.source.ReadProgress;
import dev.tollgate.jobs.EmbeddedCluster;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs a compiled rule set over a JSON-lines file on an embedded Flink cluster and writes {@code
 * alerts.jsonl}, {@code aggregates.jsonl}, {@code rejected.jsonl} and {@code summary.json}; and,
 * as a dry run of routing, {@code routed/<route>.jsonl} per route and {@code cases.jsonl}.
 *
 * <p>Output files are sorted (alerts by event time, rule and id; window records by window start,
 * aggregate and text — window end, then group values; rejected records by line), so the same input
 * and rules give byte-identical files whatever the parallelism did to arrival order.
 *
 * <p>At the end of the input, aggregate windows the input reached are closed and written; windows
 * whose end lies after the last event are not: the input ended, the window did not (see {@code
 * WindowCloseTrigger}).
 */
public final class Backtest {
  /** How many leading groups per aggregate the report keeps. */
  public static final int LEADING_GROUPS = 5;

  private static final Comparator<OutputLine> ORDER = Comparator
      .<OutputLine>comparingLong(line -> line.order)
      .thenComparing(line -> line.source)
      .thenComparing(OutputLine::tieBreakOrJson);

  /**
   * @param displayName how rejected records name the input file
   * @param progress called with the number of lines read so far, about twice a second
   * @param routing how alerts are grouped into cases (routes themselves are in the plan)
   */
  public record Options(Path events, String displayName, Path outDir, int parallelism, PipelineOptions pipeline,
      LongConsumer progress, RoutingOptions routing) {

    /** With the default case span. */
    public Options(Path events, String displayName, Path outDir, int parallelism, PipelineOptions pipeline,
        LongConsumer progress) {
      this(events, displayName, outDir, parallelism, pipeline, progress, RoutingOptions.defaults());
    }
  }

  private Backtest() {}

  public static BacktestReport run(RuleSetPlan plan, Options options) throws Exception {
    Files.createDirectories(options.outDir());
    long started = System.nanoTime();
    ReadProgress.LINES_READ.set(0);

    StreamExecutionEnvironment env = EmbeddedCluster.environment(options.parallelism());
    DataStream<OutputLine> outputs = BacktestJob.build(env, plan, options.events(), options.displayName(),
        options.pipeline(), options.routing());
    Map<OutputLine.Kind, List<OutputLine>> collected = new EnumMap<>(OutputLine.Kind.class);
    for (OutputLine.Kind kind : OutputLine.Kind.values()) {
      collected.put(kind, new ArrayList<>());
    }
    // Lines wait in memory until the job ends, to be sorted: each is reduced to what writing and
    // the report still need as it arrives (window records are tallied for the report at once, and
    // rule ids are kept once), so a long backtest's heap holds little more than the JSON itself.
    AggregateLeaders leaders = new AggregateLeaders(enabledAggregates(plan));
    Map<String, String> sources = new HashMap<>();
    JobExecutionResult result;
    try (CloseableIterator<OutputLine> lines = outputs.collectAsync()) {
      JobClient job = env.executeAsync("tollgate backtest");
      try (ProgressTicker ticker = ProgressTicker.start(options.progress())) {
        while (lines.hasNext()) {
          OutputLine line = lines.next();
          line.source = line.source == null ? null : sources.computeIfAbsent(line.source, source -> source);
          if (line.kind == OutputLine.Kind.AGGREGATE) {
            leaders.add(line);
            line.group = null;
            line.measure = null;
          }
          collected.get(line.kind).add(line);
        }
      }
      result = job.getJobExecutionResult().get();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    for (List<OutputLine> lines : collected.values()) {
      lines.sort(ORDER);
    }
    write(options.outDir().resolve("alerts.jsonl"), collected.get(OutputLine.Kind.ALERT));
    write(options.outDir().resolve("aggregates.jsonl"), collected.get(OutputLine.Kind.AGGREGATE));
    write(options.outDir().resolve("rejected.jsonl"), collected.get(OutputLine.Kind.REJECTED));
    write(options.outDir().resolve("cases.jsonl"), collected.get(OutputLine.Kind.CASE));
    writeRouted(options.outDir().resolve("routed"), plan, collected.get(OutputLine.Kind.ROUTED));

    BacktestReport report = report(plan, options, collected, leaders, result, elapsed);
    Files.writeString(options.outDir().resolve("summary.json"), SummaryJson.encode(report), StandardCharsets.UTF_8);
    return report;
  }

  private static BacktestReport report(RuleSetPlan plan, Options options, Map<OutputLine.Kind, List<OutputLine>> collected,
      AggregateLeaders leaders, JobExecutionResult result, Duration elapsed) throws IOException {
    SortedMap<String, Long> alertsPerRule = new TreeMap<>();
    for (RulePlan rule : plan.rules()) {
      if (rule.metadata().mode() != Mode.DISABLED) {
        alertsPerRule.put(rule.id(), 0L);
      }
    }
    for (AggregatePlan aggregate : enabledAggregates(plan)) {
      if (aggregate.spike() != null) {
        alertsPerRule.put(aggregate.id(), 0L);
      }
    }
    for (OutputLine alert : collected.get(OutputLine.Kind.ALERT)) {
      alertsPerRule.merge(alert.source, 1L, Long::sum);
    }
    SortedMap<String, Long> rejectedByReason = new TreeMap<>();
    for (OutputLine rejected : collected.get(OutputLine.Kind.REJECTED)) {
      rejectedByReason.merge(rejected.source, 1L, Long::sum);
    }
    long forAggregatesOnly = counter(result, AdmitEvents.ADMITTED_FOR_AGGREGATES_COUNTER);
    long processed = counter(result, AdmitEvents.ADMITTED_COUNTER) + forAggregatesOnly;
    long inputLines = ReadProgress.LINES_READ.get();

    LabelIndex.Labels labels = LabelIndex.scan(options.events());
    BacktestReport.Effectiveness effectiveness = null;
    if (!labels.isEmpty()) {
      EffectivenessCounter counter = new EffectivenessCounter(labels);
      for (OutputLine alert : collected.get(OutputLine.Kind.ALERT)) {
        counter.add(alert.source, alert.eventIds == null ? "" : alert.eventIds);
      }
      effectiveness = counter.result();
    }
    return new BacktestReport(inputLines, processed, forAggregatesOnly, rejectedByReason, alertsPerRule,
        collected.get(OutputLine.Kind.AGGREGATE).size(), leaders.result(LEADING_GROUPS), elapsed, effectiveness);
  }

  private static List<AggregatePlan> enabledAggregates(RuleSetPlan plan) {
    return plan.aggregates().stream().filter(aggregate -> aggregate.metadata().mode() != Mode.DISABLED).toList();
  }

  private static long counter(JobExecutionResult result, String name) {
    Long value = result.getAccumulatorResult(name);
    return value == null ? 0 : value;
  }

  /** {@code routed/<route>.jsonl} for every route (empty if it took nothing), and no stale files. */
  private static void writeRouted(Path directory, RuleSetPlan plan, List<OutputLine> lines) throws IOException {
    if (Files.isDirectory(directory)) {
      try (var stale = Files.newDirectoryStream(directory, "*.jsonl")) {
        for (Path file : stale) {
          Files.delete(file);
        }
      }
    }
    if (plan.routes().isEmpty()) {
      return;
    }
    Files.createDirectories(directory);
    Map<String, List<OutputLine>> byRoute = new TreeMap<>();
    plan.routes().forEach(route -> byRoute.put(route.name(), new ArrayList<>()));
    lines.forEach(line -> byRoute.get(line.source).add(line));
    for (Map.Entry<String, List<OutputLine>> route : byRoute.entrySet()) {
      write(directory.resolve(route.getKey() + ".jsonl"), route.getValue());
    }
  }

  private static void write(Path file, List<OutputLine> lines) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (OutputLine line : lines) {
        out.write(line.json);
        out.write('\n');
      }
    }
  }

  /** Reports lines read while the job runs; the embedded cluster shares this JVM's counter. */
  private static final class ProgressTicker implements AutoCloseable {
    private final Thread thread;

    private ProgressTicker(Thread thread) {
      this.thread = thread;
    }

    static ProgressTicker start(LongConsumer progress) {
      if (progress == null) {
        return new ProgressTicker(null);
      }
      Thread thread = new Thread(() -> {
        try {
          while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(500);
            progress.accept(ReadProgress.LINES_READ.get());
          }
        } catch (InterruptedException done) {
          Thread.currentThread().interrupt();
        }
      }, "backtest-progress");
      thread.setDaemon(true);
      thread.start();
      return new ProgressTicker(thread);
    }

    @Override
    public void close() {
      if (thread != null) {
        thread.interrupt();
      }
    }
  }
}
