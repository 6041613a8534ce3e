package dev.tollgate.jobs.bench.demand;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.diag.DiagnosticPrinter;
import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.RuleSelection;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.aggregate.CountedByAggregates;
import dev.tollgate.engine.aggregate.GroupKey;
import dev.tollgate.engine.aggregate.StateFootprint;
import dev.tollgate.engine.aggregate.WindowRecord;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventDecoder;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.engine.pipeline.RiskPipeline;
import dev.tollgate.engine.source.RawRecord;
import dev.tollgate.engine.source.StripedJsonLinesSource;
import dev.tollgate.jobs.EmbeddedCluster;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Benchmark (not a test) of the demand aggregation: every aggregate of the rule set — as the demand
 * job selects them, tumbling and sliding windows, spikes — over a generated file of orders, through
 * the same pipeline the job runs (decode, event time, windows, spike functions), on the embedded
 * cluster. Reports input events per second of job run time and the state each aggregate keeps per
 * group.
 *
 * <pre>
 * java ... dev.tollgate.jobs.bench.demand.DemandBench [--orders 1000000] [--parallelism 2]
 *     [--runs 2] [--state-backend hashmap|rocksdb] [--timers rocksdb|heap] [--rules rules]
 *     [--file target/bench/orders-1000000.jsonl]
 * </pre>
 *
 * The first run includes the JIT's warm-up; later runs show the steady state. Results go in
 * {@code docs/performance.md}, section "Demand aggregation".
 */
public final class DemandBench {
  private DemandBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    long orders = Long.parseLong(options.getOrDefault("orders", "1000000"));
    int parallelism = Integer.parseInt(options.getOrDefault("parallelism", "2"));
    int runs = Integer.parseInt(options.getOrDefault("runs", "2"));
    String stateBackend = options.getOrDefault("state-backend", "hashmap");
    String timers = options.getOrDefault("timers", "rocksdb");
    Path rules = Path.of(options.getOrDefault("rules", "rules"));
    Path file = Path.of(options.getOrDefault("file", "target/bench/orders-" + orders + ".jsonl"));

    RuleSetPlan plan = demandPlan(rules);
    System.out.printf("generating %,d orders into %s%n", orders, file);
    OrderFile.write(file, orders);
    System.out.printf("demand aggregation, parallelism %d, %s state%s, %d aggregates:%n", parallelism, stateBackend,
        stateBackend.equals("rocksdb") ? " (" + timers + " timers)" : "", plan.aggregates().size());
    for (AggregatePlan aggregate : plan.aggregates()) {
      System.out.printf("  %-36s %s%s%n", aggregate.id(), describe(aggregate.window()),
          aggregate.spike() != null ? ", spike" : "");
    }
    for (int run = 1; run <= runs; run++) {
      long cpuBefore = processCpuNanos();
      JobExecutionResult result = runOnce(plan, file, parallelism, stateBackend, timers);
      double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
      long millis = result.getNetRuntime();
      long records = result.<Long>getAccumulatorResult(RECORDS);
      long alerts = result.<Long>getAccumulatorResult(ALERTS);
      System.out.printf("run %d: %,d orders in %.2f s = %,.0f events/s; %.1f CPU-s = %,.0f events per CPU-second;"
          + " %,d window records, %,d spike alerts%n",
          run, orders, millis / 1000.0, orders * 1000.0 / millis, cpuSeconds, orders / cpuSeconds, records, alerts);
    }
    printFootprints(plan, file);
  }

  /** CPU time of this process (all threads): on a shared machine, wall-clock time alone misleads. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static final String RECORDS = "window-records";
  private static final String TIMER_SERVICE = "state.backend.rocksdb.timer-service.factory";
  private static final String ALERTS = "spike-alerts";

  /** The aggregates of the rule set, as the demand job selects them. */
  static RuleSetPlan demandPlan(Path rules) {
    Compilation compilation = new RuleSetCompiler().compile(List.of(rules), Map.of());
    if (compilation.plan() == null) {
      DiagnosticPrinter printer = new DiagnosticPrinter(compilation.sources());
      compilation.diagnostics().sorted().forEach(d -> System.err.print(printer.render(d)));
      throw new IllegalArgumentException("the rule set " + rules + " does not compile");
    }
    return RuleSelection.parse("kind=aggregate").apply(compilation.plan());
  }

  /** @param timers where RocksDB keeps timers: {@code rocksdb} (Flink's default) or {@code heap} */
  private static JobExecutionResult runOnce(RuleSetPlan plan, Path file, int parallelism, String stateBackend,
      String timers) throws Exception {
    StreamExecutionEnvironment env = EmbeddedCluster.environment(parallelism, Configuration.fromMap(Map.of(
        StateBackendOptions.STATE_BACKEND.key(), stateBackend, TIMER_SERVICE, timers.toUpperCase(Locale.ROOT))));
    // As the backtest reads a file: one stripe of lines per subtask.
    DataStream<RawRecord> lines = env.fromSource(
        new StripedJsonLinesSource(org.apache.flink.core.fs.Path.fromLocalFile(file.toFile()), file.getFileName().toString()),
        WatermarkStrategy.noWatermarks(), "orders file");
    RiskPipeline.Streams streams = RiskPipeline.attach(lines, plan, PipelineOptions.replay(Duration.ofSeconds(5)), null);
    streams.allAggregateRecords().orElseThrow()
        .filter(new Count<WindowRecord>(RECORDS)).sinkTo(new DiscardingSink<>());
    streams.allAlerts().ifPresent(alerts -> alerts.filter(new Count<>(ALERTS)).sinkTo(new DiscardingSink<>()));
    streams.rejected().sinkTo(new DiscardingSink<>());
    return env.execute("demand benchmark");
  }

  /** Counts what passes into an accumulator and lets nothing through: the sink has nothing to do. */
  private static final class Count<T> extends RichFilterFunction<T> {
    private static final long serialVersionUID = 1L;
    private final String name;
    private transient LongCounter counter;

    Count(String name) {
      this.name = name;
    }

    @Override
    public void open(OpenContext openContext) {
      counter = getRuntimeContext().getLongCounter(name);
    }

    @Override
    public boolean filter(T value) {
      counter.add(1L);
      return false;
    }
  }

  /**
   * Per aggregate, the state of its busiest group in the first hour of orders (the most events in
   * one window, so the largest distinct-value sets): an upper bound for a typical group.
   */
  private static void printFootprints(RuleSetPlan plan, Path file) throws Exception {
    EventCatalog catalog = new EventCatalog(plan.eventTypes());
    EventDecoder decoder = new EventDecoder(catalog, null);
    List<Event> firstHour = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null && firstHour.size() < 14_400) {
        firstHour.add(decoder.decode(line));
      }
    }
    System.out.printf("%nstate per group (serialized, as RocksDB stores it; busiest group of the first hour):%n");
    System.out.printf("  %-36s %7s %12s %13s %12s %12s%n",
        "aggregate", "events", "accumulator", "open windows", "baseline", "bytes/group");
    for (AggregatePlan aggregate : plan.aggregates()) {
      List<Event> busiest = busiestGroup(aggregate, firstHour);
      StateFootprint footprint = StateFootprint.of(aggregate, busiest);
      System.out.printf("  %-36s %7d %10d B %13d %10d B %10d B%n", aggregate.id(), busiest.size(),
          footprint.accumulatorBytes(), footprint.openWindows(), footprint.baselineBytes(), footprint.bytesPerGroup());
    }
  }

  private static List<Event> busiestGroup(AggregatePlan aggregate, List<Event> events) {
    GroupKey groupKey = new GroupKey(aggregate.groupBy());
    CountedByAggregates counted = new CountedByAggregates(List.of(aggregate));
    Map<String, List<Event>> groups = new HashMap<>();
    for (Event event : events) {
      if (counted.test(event)) {
        groups.computeIfAbsent(groupKey.of(event), k -> new ArrayList<>()).add(event);
      }
    }
    return groups.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElse(List.of());
  }

  private static String describe(AggregatePlan.WindowPlan window) {
    return switch (window.kind()) {
      case TUMBLING -> "tumbling " + Duration.ofMillis(window.sizeMillis());
      case SLIDING -> "sliding " + Duration.ofMillis(window.sizeMillis()) + " every " + Duration.ofMillis(window.slideMillis());
      case SESSION -> "session " + Duration.ofMillis(window.sizeMillis());
    };
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: DemandBench [--orders N] [--parallelism P] [--runs R]"
            + " [--state-backend hashmap|rocksdb] [--timers rocksdb|heap] [--rules DIR] [--file PATH]");
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
