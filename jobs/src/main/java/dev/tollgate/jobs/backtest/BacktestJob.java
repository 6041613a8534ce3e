package dev.tollgate.jobs.backtest;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.aggregate.WindowRecord;
import dev.tollgate.engine.aggregate.WindowRecordJson;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertJson;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.event.RejectedJson;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.engine.pipeline.RiskPipeline;
import dev.tollgate.engine.route.Routing;
import dev.tollgate.engine.route.RoutingOptions;
import dev.tollgate.engine.source.StripedJsonLinesSource;
import dev.tollgate.engine.eval.ValueFormat;
import dev.tollgate.engine.source.RawRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The backtest's job graph: a JSON-lines file through the same pipeline production runs, with
 * every output encoded to JSON inside the job and gathered into one stream for the client. Routes
 * are a dry run: what each would receive, and the case events, become lines, nothing is delivered.
 */
final class BacktestJob {
  private static final TypeInformation<OutputLine> OUTPUT_TYPE = OutputLineTypeInfo.INSTANCE;

  private BacktestJob() {}

  static DataStream<OutputLine> build(StreamExecutionEnvironment env, RuleSetPlan plan, Path events, String displayName,
      PipelineOptions options, RoutingOptions routing) {
    EventCatalog catalog = new EventCatalog(plan.eventTypes());
    // One reader per subtask, each decoding every n-th line; lateness still follows the file's order.
    DataStream<RawRecord> lines = env.fromSource(
            new StripedJsonLinesSource(org.apache.flink.core.fs.Path.fromLocalFile(events.toFile()), displayName),
            WatermarkStrategy.noWatermarks(), "events file")
        .uid("events-file");
    RiskPipeline.Streams risk = RiskPipeline.attach(lines, plan, options, null);

    List<DataStream<OutputLine>> outputs = new ArrayList<>();
    for (DataStream<Alert> alerts : risk.alerts()) {
      outputs.add(alerts.map(new EncodeAlert(catalog)).returns(OUTPUT_TYPE).name("encode alerts"));
    }
    for (DataStream<WindowRecord> records : risk.aggregates()) {
      outputs.add(records.map(new EncodeRecord(plan.aggregates())).returns(OUTPUT_TYPE).name("encode window records"));
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

  /**
   * Window records to JSON lines, with the group values and the measure the console's table of
   * leading groups ranks by ({@link AggregateLeaders}). Sorted by window start, aggregate and line.
   */
  private static final class EncodeRecord extends RichMapFunction<WindowRecord, OutputLine> {
    private static final long serialVersionUID = 1L;
    private final List<AggregatePlan> aggregates;
    private transient WindowRecordJson json;
    private transient Map<String, AggregatePlan> byId;

    EncodeRecord(List<AggregatePlan> aggregates) {
      this.aggregates = List.copyOf(aggregates);
    }

    @Override
    public void open(OpenContext openContext) {
      json = new WindowRecordJson(aggregates);
      byId = new HashMap<>();
      aggregates.forEach(a -> byId.put(a.id(), a));
    }

    @Override
    public OutputLine map(WindowRecord record) {
      String text = json.encode(record);
      OutputLine line = new OutputLine(OutputLine.Kind.AGGREGATE, record.aggregateId(), record.windowStart(), null, text);
      AggregatePlan aggregate = byId.get(record.aggregateId());
      line.group = new String[record.groupValues().size()];
      for (int i = 0; i < line.group.length; i++) {
        line.group[i] = text(record.groupValues().get(i), aggregate.groupBy().get(i).type());
      }
      int slot = AggregateLeaders.measureSlot(aggregate);
      Object measure = slot < 0 ? null : record.value(slot);
      line.measure = plainNumber(measure);
      return line;
    }

    /** A long, decimal or finite double as a plain number; null otherwise. */
    private static String plainNumber(Object value) {
      if (value instanceof java.math.BigDecimal decimal) {
        return decimal.toPlainString();
      }
      if (value instanceof Double d) {
        return d.isNaN() || d.isInfinite() ? null : java.math.BigDecimal.valueOf(d).toPlainString();
      }
      return value == null ? null : value.toString();
    }

    private static String text(Object value, dev.tollgate.dsl.types.ValueType type) {
      StringBuilder out = new StringBuilder();
      ValueFormat.append(out, value, type);
      return out.toString();
    }
  }
}
