package dev.tollgate.jobs.backtest;

import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertJson;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.event.RejectedJson;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.engine.pipeline.RiskPipeline;
import dev.tollgate.engine.route.Routing;
import dev.tollgate.engine.route.RoutingOptions;
import dev.tollgate.engine.source.JsonLinesFormat;
import dev.tollgate.engine.source.RawRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The backtest's job graph: a JSON-lines file through the same pipeline production runs, with
 * every output encoded to JSON inside the job and gathered into one stream for the client. Routes
 * are a dry run: what each would receive, and the case events, become lines, nothing is delivered.
 */
final class BacktestJob {
  private static final TypeInformation<OutputLine> OUTPUT_TYPE = TypeInformation.of(OutputLine.class);

  private BacktestJob() {}

  static DataStream<OutputLine> build(StreamExecutionEnvironment env, RuleSetPlan plan, Path events, String displayName,
      PipelineOptions options, RoutingOptions routing) {
    EventCatalog catalog = new EventCatalog(plan.eventTypes());
    FileSource<RawRecord> source = FileSource
        .forRecordStreamFormat(new JsonLinesFormat(displayName), org.apache.flink.core.fs.Path.fromLocalFile(events.toFile()))
        .build();
    // One reader: a file has one order, and event time must follow it for results to be the same
    // run after run. Rules downstream of the key partitioning run at the job's parallelism.
    DataStream<RawRecord> lines = env.fromSource(source, WatermarkStrategy.noWatermarks(), "events file")
        .setParallelism(1)
        .uid("events-file");
    RiskPipeline.Streams risk = RiskPipeline.attach(lines, plan, options, null);

    List<DataStream<OutputLine>> outputs = new ArrayList<>();
    for (DataStream<Alert> alerts : risk.alerts()) {
      outputs.add(alerts.map(new EncodeAlert(catalog)).returns(OUTPUT_TYPE).name("encode alerts"));
    }
    outputs.add(risk.rejected().map(BacktestJob::rejectedLine).returns(OUTPUT_TYPE).name("encode rejected"));
    if (!plan.routes().isEmpty() && !risk.alerts().isEmpty()) {
      outputs.addAll(RoutedLines.of(Routing.attach(risk.alerts(), plan, catalog, routing), catalog));
    }
    DataStream<OutputLine> all = outputs.get(0);
    for (int i = 1; i < outputs.size(); i++) {
      all = all.union(outputs.get(i));
    }
    return all;
  }

  private static OutputLine rejectedLine(Rejected rejected) {
    return new OutputLine(OutputLine.Kind.REJECTED, rejected.reason().code(), rejected.origin().offset(),
        rejected.origin().source(), RejectedJson.encode(rejected));
  }

  /** Alerts to JSON lines, in parallel, before they reach the client. */
  private static final class EncodeAlert extends RichMapFunction<Alert, OutputLine> {
    private static final long serialVersionUID = 1L;
    private final EventCatalog catalog;
    private transient AlertJson json;

    EncodeAlert(EventCatalog catalog) {
      this.catalog = catalog;
    }

    @Override
    public void open(OpenContext openContext) {
      json = new AlertJson(catalog);
    }

    @Override
    public OutputLine map(Alert alert) {
      OutputLine line = new OutputLine(
          OutputLine.Kind.ALERT, alert.ruleId(), alert.eventTime(), alert.alertId(), json.encode(alert));
      line.eventIds = String.join(",", alert.eventIds());
      return line;
    }
  }
}
