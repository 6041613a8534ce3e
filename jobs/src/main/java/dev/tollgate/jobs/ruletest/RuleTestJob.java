package dev.tollgate.jobs.ruletest;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleMetadata;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.dsl.plan.TestPlan;
import dev.tollgate.engine.aggregate.AggregateOperators;
import dev.tollgate.engine.aggregate.AggregateStreams;
import dev.tollgate.engine.aggregate.WindowRecordTypeInfo;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventEncoder;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.eval.ValueFormat;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.engine.pipeline.RiskPipeline;
import dev.tollgate.engine.source.RawRecord;
import dev.tollgate.engine.source.RawRecordTypeInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job graph of a test run: one disconnected pipeline per test, all in one job, so a whole rule
 * pack's tests cost one job rather than one cluster start each.
 *
 * <pre>
 * test i: given events (JSON lines, one reader) → RiskPipeline (admit in replay mode → the rule's
 *         operator) or admit → AggregateOperators → outputs tagged i ─┐
 * test j: ...                                                          ├→ union → client
 * </pre>
 *
 * Each test's events are encoded to the JSON a production input carries and decoded by the same
 * admission operator, and run through the same operators a deployment builds, with uids prefixed
 * by {@code test-<i>/} (uids are unique per job). A test sees only its own events: its pipeline
 * shares no operator, state or watermark with another test's.
 */
final class RuleTestJob {
  private static final TypeInformation<TestOutput> OUTPUT_TYPE = TypeInformation.of(TestOutput.class);
  private static final TypeInformation<RawRecord> RAW_TYPE = RawRecordTypeInfo.INSTANCE;

  private RuleTestJob() {}

  /** The tagged outputs of every test; tests are numbered by their position in {@code tests}. */
  static DataStream<TestOutput> build(
      StreamExecutionEnvironment env, RuleSetPlan plan, List<TestPlan> tests, PipelineOptions options) {
    EventCatalog catalog = new EventCatalog(plan.eventTypes());
    EventEncoder encoder = new EventEncoder(catalog);
    List<DataStream<TestOutput>> outputs = new ArrayList<>();
    for (int index = 0; index < tests.size(); index++) {
      if (!tests.get(index).given().isEmpty()) {
        outputs.addAll(attach(env, plan, tests.get(index), index, options, catalog, encoder));
      }
    }
    if (outputs.isEmpty()) {
      return null;
    }
    DataStream<TestOutput> all = outputs.get(0);
    for (int i = 1; i < outputs.size(); i++) {
      all = all.union(outputs.get(i));
    }
    return all;
  }

  /** One test's pipeline; its outputs tagged with {@code index}. */
  private static List<DataStream<TestOutput>> attach(StreamExecutionEnvironment env, RuleSetPlan plan, TestPlan test,
      int index, PipelineOptions options, EventCatalog catalog, EventEncoder encoder) {
    String uidPrefix = "test-" + index + "/";
    AlertTypeInfo alertType = new AlertTypeInfo(catalog);
    DataStream<RawRecord> given = env.fromData(givenRecords(test, encoder), RAW_TYPE)
        .setParallelism(1)
        .uid(uidPrefix + "given")
        .name("given of test " + index);
    RuleSetPlan target = new RuleSetPlan(plan.eventTypes(),
        test.rule() == null ? List.of() : List.of(runnable(test.rule())), List.of(), List.of());
    RiskPipeline.Streams pipeline = RiskPipeline.attach(given, target, options, null, uidPrefix);
    List<DataStream<TestOutput>> outputs = new ArrayList<>();
    for (DataStream<Alert> alerts : pipeline.alerts()) {
      outputs.add(tag(alerts, index, TestOutput.Kind.ALERT, alertType));
    }
    outputs.add(pipeline.rejected().map(new DescribeRejected(index)).returns(OUTPUT_TYPE).name("rejected of test " + index));
    AggregatePlan aggregate = test.aggregate();
    if (aggregate != null) {
      AggregateStreams streams = AggregateOperators.build(pipeline.events(), null, aggregate, catalog, Duration.ZERO, uidPrefix);
      outputs.add(tag(streams.records(), index, TestOutput.Kind.RECORD, WindowRecordTypeInfo.INSTANCE));
      streams.spikeAlerts().ifPresent(alerts -> outputs.add(tag(alerts, index, TestOutput.Kind.ALERT, alertType)));
      outputs.add(streams.late().map(new DescribeLate(index)).returns(OUTPUT_TYPE).name("late of test " + index));
    }
    return outputs;
  }

  /** The given events as the JSON lines an input file would hold, each at its line in the test file. */
  private static List<RawRecord> givenRecords(TestPlan test, EventEncoder encoder) {
    String file = TestLocation.file(test);
    List<RawRecord> records = new ArrayList<>();
    for (TestPlan.TestEvent event : test.given()) {
      String json = encoder.encode(new Event(event.eventType(), event.values().toArray()));
      records.add(RawRecord.fileLine(file, event.line(), json));
    }
    return records;
  }

  /**
   * The rule as the test runs it: a disabled rule is not deployed, but its tests still run, in
   * shadow mode, so a rule can be proven before it is switched on.
   */
  private static RulePlan runnable(RulePlan rule) {
    RuleMetadata metadata = rule.metadata();
    if (metadata.mode() != Mode.DISABLED) {
      return rule;
    }
    RuleMetadata shadow = new RuleMetadata(metadata.severity(), metadata.category(), Mode.SHADOW, metadata.title(),
        metadata.description(), metadata.tags(), metadata.owner());
    return new RulePlan(rule.id(), rule.version(), shadow, rule.key(), rule.body(), rule.alert(), rule.suppressMillis(),
        rule.location());
  }

  private static <T> DataStream<TestOutput> tag(DataStream<T> stream, int test, TestOutput.Kind kind, TypeInformation<T> type) {
    return stream.map(new EncodeOutput<>(test, kind, type)).returns(OUTPUT_TYPE).name(kind.name().toLowerCase(Locale.ROOT) + " of test " + test);
  }

  /** A rejected given event as {@code file:line: late (detail)}, the line being the event's in the test file. */
  private static final class DescribeRejected implements MapFunction<Rejected, TestOutput> {
    private static final long serialVersionUID = 1L;
    private final int test;

    DescribeRejected(int test) {
      this.test = test;
    }

    @Override
    public TestOutput map(Rejected rejected) {
      String text = rejected.origin() + ": " + rejected.reason().code()
          + (rejected.detail() == null ? "" : " (" + rejected.detail() + ")");
      return new TestOutput(test, TestOutput.Kind.REJECTED, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An event that reached an aggregate after its window had closed. */
  private static final class DescribeLate implements MapFunction<Event, TestOutput> {
    private static final long serialVersionUID = 1L;
    private final int test;

    DescribeLate(int test) {
      this.test = test;
    }

    @Override
    public TestOutput map(Event event) {
      String text = "event " + event.id() + " at " + ValueFormat.timestamp(event.ts()) + ": late (its window had closed)";
      return new TestOutput(test, TestOutput.Kind.REJECTED, text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
