package dev.tollgate.jobs.runtime;

import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.engine.pipeline.RiskPipeline;
import dev.tollgate.engine.source.RawRecord;
import dev.tollgate.jobs.config.JobSettings;
import dev.tollgate.jobs.kafka.KafkaInput;
import dev.tollgate.jobs.kafka.KafkaOutput;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job graph every Tollgate job shares:
 *
 * <pre>
 * Kafka input topics [uid kafka-source]
 *   → risk pipeline: admit (decode, event time, reject) → rules        → alerts    → routing (below)
 *                                                       → aggregates   → records   [uid kafka-sink/aggregates]
 *                                                                      → spikes    → alerts → routing
 *   rejected (malformed and late, with raw text and origin)            → dead-letter [uid kafka-sink/rejected]
 * </pre>
 *
 * Event time comes from the source: each Kafka partition has its own bounded-out-of-orderness
 * watermark, and the job's is the slowest active partition's ({@link
 * PipelineOptions#sourceWatermarks()}).
 *
 * <p>Alerts of rules and spikes alike go through {@link RoutingStage}: unrouted ones to the alerts
 * topic, shadow ones to the shadow topic, routed ones to their routes with their case events.
 *
 * <p>What runs is the plan given (already narrowed to the job's selection). Every operator has a
 * stable uid — sources and sinks by role, rule operators by their key fields, aggregates by id —
 * so a job restored from a savepoint after a rule-set change finds its state again.
 */
public final class StreamingJob {
  public static final String SOURCE_UID = "kafka-source";
  public static final String ALERTS_SINK_UID = RoutingStage.ALERTS_SINK_UID;
  public static final String REJECTED_SINK_UID = "kafka-sink/rejected";
  public static final String AGGREGATES_SINK_UID = "kafka-sink/aggregates";

  private StreamingJob() {}

  public static void build(StreamExecutionEnvironment env, JobSettings settings, RuleSetPlan plan) {
    EventCatalog catalog = new EventCatalog(plan.eventTypes());
    PipelineOptions options = PipelineOptions.live(settings.outOfOrderness(), settings.idleness())
        .withAggregateLateness(settings.aggregateLateness());
    DataStream<RawRecord> raw = env
        .fromSource(KafkaInput.source(settings), options.sourceWatermarks(),
            "kafka: " + String.join(", ", settings.topics().inputs()))
        .uid(SOURCE_UID);
    RiskPipeline.Streams risk = RiskPipeline.attach(raw, plan, options, null);
    List<DataStream<Alert>> alerts = risk.alerts();
    KafkaOutput output = new KafkaOutput(settings);
    if (!alerts.isEmpty()) {
      RoutingStage.attach(alerts, plan, catalog, settings, output);
    }
    risk.rejected().sinkTo(output.rejected())
        .uid(REJECTED_SINK_UID).name("rejected → " + settings.topics().rejected());
    if (!risk.aggregates().isEmpty()) {
      union(risk.aggregates()).sinkTo(output.aggregates(plan.aggregates()))
          .uid(AGGREGATES_SINK_UID).name("aggregates → " + settings.topics().aggregates());
    }
  }

  static <T> DataStream<T> union(List<DataStream<T>> streams) {
    DataStream<T> all = streams.get(0);
    for (int i = 1; i < streams.size(); i++) {
      all = all.union(streams.get(i));
    }
    return all;
  }
}
