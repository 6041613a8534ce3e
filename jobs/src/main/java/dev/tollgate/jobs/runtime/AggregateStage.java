package dev.tollgate.jobs.runtime;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.aggregate.AggregateOperators;
import dev.tollgate.engine.aggregate.AggregateStreams;
import dev.tollgate.engine.aggregate.WindowRecord;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventEncoder;
import dev.tollgate.engine.event.Origin;
import dev.tollgate.engine.event.RejectReason;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.metrics.RuleMetrics;
import dev.tollgate.engine.pipeline.Outputs;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The enabled aggregates of a plan on the admitted events: window records, spike alerts, and the
 * events a window refused as late turned into rejected records (their text re-encoded from the
 * event, as the raw record is no longer at hand). Admission already rejects events later than the
 * out-of-orderness, so with no allowed lateness no window sees a late one; the conversion keeps
 * the promise that nothing is dropped silently should that change.
 *
 * <p>Stands in until {@code RiskPipeline} attaches aggregates itself; then jobs take the
 * aggregate streams from there.
 */
final class AggregateStage {
  private AggregateStage() {}

  /** The stage's outputs, one stream per aggregate. */
  record Streams(List<DataStream<WindowRecord>> records, List<DataStream<Alert>> alerts,
      List<DataStream<Rejected>> rejected) {}

  static Streams attach(DataStream<Event> events, RuleSetPlan plan, EventCatalog catalog) {
    List<DataStream<WindowRecord>> records = new ArrayList<>();
    List<DataStream<Alert>> alerts = new ArrayList<>();
    List<DataStream<Rejected>> rejected = new ArrayList<>();
    for (AggregatePlan aggregate : plan.aggregates()) {
      if (aggregate.metadata().mode() == Mode.DISABLED) {
        continue;
      }
      AggregateStreams streams = AggregateOperators.build(events, aggregate, catalog);
      records.add(streams.records());
      streams.spikeAlerts().ifPresent(alerts::add);
      String uid = AggregateOperators.uid(aggregate);
      rejected.add(streams.late()
          .map(new LateToRejected(catalog, aggregate.id()))
          .returns(Outputs.REJECTED.getTypeInfo())
          .uid(uid + "/late")
          .name(uid + "/late"));
    }
    return new Streams(records, alerts, rejected);
  }

  /** A late event as a rejected record. */
  private static final class LateToRejected extends RichMapFunction<Event, Rejected> {
    private static final long serialVersionUID = 1L;
    private final EventCatalog catalog;
    private final String aggregateId;
    private transient EventEncoder encoder;
    private transient Counter late;

    LateToRejected(EventCatalog catalog, String aggregateId) {
      this.catalog = catalog;
      this.aggregateId = aggregateId;
    }

    @Override
    public void open(OpenContext openContext) {
      encoder = new EventEncoder(catalog);
      late = RuleMetrics.lateCounter(getRuntimeContext().getMetricGroup(), aggregateId);
    }

    @Override
    public Rejected map(Event event) {
      late.inc();
      return new Rejected(encoder.encode(event), RejectReason.LATE,
          "after its window of aggregate " + aggregateId + " closed", Origin.UNKNOWN);
    }
  }
}
