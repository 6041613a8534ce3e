package dev.tollgate.jobs.ruletest;

import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.dsl.plan.TestPlan;
import dev.tollgate.engine.aggregate.WindowRecord;
import dev.tollgate.engine.aggregate.WindowRecordTypeInfo;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.jobs.EmbeddedCluster;
import java.io.IOException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs a rule set's {@code test} blocks on the embedded Flink cluster, up to {@value
 * #TESTS_PER_JOB} tests in one job (see {@link RuleTestJob}), and checks each test's expectations
 * against what its target produced.
 */
public final class RuleTestRunner {
  /**
   * Tests per job. A test's pipeline is two or three tasks; this bounds a job's threads and network
   * buffers however many tests a rule set has (a larger set runs as several jobs in turn).
   */
  static final int TESTS_PER_JOB = 250;

  /**
   * Test inputs and outputs are tiny, so the cluster's network buffers are the smallest Flink
   * allows: the same network memory then serves the thousand-odd tasks of a full job.
   */
  private static final Configuration CLUSTER = new Configuration();

  static {
    CLUSTER.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, MemorySize.parse("4kb"));
  }

  private final PipelineOptions options;
  private final int testsPerJob;

  /** Event time as in a backtest: deterministic replay with the given out-of-orderness. */
  public RuleTestRunner(PipelineOptions options) {
    this(options, TESTS_PER_JOB);
  }

  RuleTestRunner(PipelineOptions options, int testsPerJob) {
    this.options = options;
    this.testsPerJob = testsPerJob;
  }

  /** Event time as in a backtest with the default out-of-orderness (5s). */
  public RuleTestRunner() {
    this(PipelineOptions.replay(PipelineOptions.DEFAULT_OUT_OF_ORDERNESS));
  }

  /** Runs the tests whose names {@code selected} accepts, in rule-set order. */
  public TestReport run(RuleSetPlan plan, Predicate<String> selected) throws Exception {
    List<TestPlan> tests = new ArrayList<>();
    for (TestPlan test : plan.tests()) {
      if (selected.test(test.name())) {
        tests.add(test);
      }
    }
    long started = System.nanoTime();
    List<Observed> observed = new ArrayList<>();
    for (int from = 0; from < tests.size(); from += testsPerJob) {
      observed.addAll(execute(plan, tests.subList(from, Math.min(tests.size(), from + testsPerJob))));
    }
    List<TestResult> results = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      TestPlan test = tests.get(i);
      Shape shape = Shape.of(test);
      Observed outputs = observed.get(i).sorted();
      results.add(new TestResult(test, outputs, shape, Expectations.check(test, outputs, shape)));
    }
    return new TestReport(results, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Runs {@code tests} in one job; their outputs, by position in {@code tests}. */
  private List<Observed> execute(RuleSetPlan plan, List<TestPlan> tests) throws Exception {
    List<Observed> observed = new ArrayList<>();
    tests.forEach(test -> observed.add(new Observed()));
    StreamExecutionEnvironment env = EmbeddedCluster.environment(1, CLUSTER);
    DataStream<TestOutput> outputs = RuleTestJob.build(env, plan, tests, options);
    if (outputs == null) {
      return observed;
    }
    Decoder decoder = new Decoder(new EventCatalog(plan.eventTypes()));
    try (CloseableIterator<TestOutput> results = outputs.collectAsync()) {
      JobClient job = env.executeAsync("tollgate test");
      while (results.hasNext()) {
        TestOutput output = results.next();
        decoder.add(output, observed.get(output.test));
      }
      job.getJobExecutionResult().get();
    }
    return observed;
  }

  /** Turns tagged outputs back into alerts, records and rejection notes. */
  private static final class Decoder {
    private final TypeSerializer<Alert> alerts;
    private final TypeSerializer<WindowRecord> records;
    private final DataInputDeserializer input = new DataInputDeserializer();

    Decoder(EventCatalog catalog) {
      SerializerConfigImpl config = new SerializerConfigImpl();
      this.alerts = new AlertTypeInfo(catalog).createSerializer(config);
      this.records = WindowRecordTypeInfo.INSTANCE.createSerializer(config);
    }

    void add(TestOutput output, Observed into) throws IOException {
      input.setBuffer(output.payload);
      switch (output.kind) {
        case ALERT -> into.alerts.add(alerts.deserialize(input));
        case RECORD -> into.records.add(records.deserialize(input));
        case REJECTED -> into.rejected.add(new String(output.payload, StandardCharsets.UTF_8));
      }
    }
  }
}
