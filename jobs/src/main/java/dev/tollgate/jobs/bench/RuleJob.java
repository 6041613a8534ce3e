package dev.tollgate.jobs.bench;

import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.aggregate.WindowRecord;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.engine.pipeline.RiskPipeline;
import dev.tollgate.engine.source.RawRecord;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * A rule set on the production pipeline ({@link RiskPipeline}: admission, single-event, windowed
 * and pattern operators, aggregate blocks and their spikes), with every output counted and discarded. A plan
 * without rules and aggregates is the parse-only ceiling: read, decode, assign event time, discard.
 */
final class RuleJob {
  private RuleJob() {}

  static void attach(DataStream<RawRecord> lines, RuleSetPlan plan) {
    RiskPipeline.Streams risk = RiskPipeline.attach(lines, plan, PipelineOptions.replay(PipelineOptions.DEFAULT_OUT_OF_ORDERNESS), null);
    for (DataStream<Alert> alerts : risk.alerts()) {
      alerts.sinkTo(new CountingSink<>(RunClock.Output.ALERTS)).name("discard alerts");
    }
    risk.rejected().sinkTo(new CountingSink<>(RunClock.Output.REJECTED)).name("discard rejected");
    for (DataStream<WindowRecord> records : risk.aggregates()) {
      records.sinkTo(new CountingSink<>(RunClock.Output.ALERTS)).name("discard aggregate records");
    }
    boolean anything = !risk.alerts().isEmpty() || !risk.aggregates().isEmpty();
    if (!anything) {
      risk.events().sinkTo(new CountingSink<>(RunClock.Output.EVENTS)).name("discard events");
    }
  }
}
