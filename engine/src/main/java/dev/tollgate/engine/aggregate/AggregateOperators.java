package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventTypeInfo;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * Builds an {@code aggregate} block on a Flink event stream:
 *
 * <pre>
 * events → filter (type, where, non-null group) → keyBy group → event-time window
 *        → incremental aggregate + window bounds → WindowRecords [uid aggregate/&lt;id&gt;]
 *        → keyBy group → spike function → Alerts         [uid aggregate/&lt;id&gt;/spike]
 * </pre>
 *
 * The input must carry timestamps and watermarks, with events later than the pipeline's
 * out-of-orderness already removed. Windows keep one accumulator per group and open window (see
 * {@link SlotKind}), never the events. Uids are derived from the aggregate id, so savepoints map
 * back to the same aggregate across deployments. Callers skip aggregates whose mode is disabled.
 */
public final class AggregateOperators {
  private AggregateOperators() {}

  /** The aggregate with no allowed lateness: a window's record is final when it is emitted. */
  public static AggregateStreams build(DataStream<Event> events, AggregatePlan plan, EventCatalog catalog) {
    return build(events, plan, catalog, Duration.ZERO);
  }

  /**
   * @param allowedLateness how long after a window closes late events still update it; each such
   *     event re-emits the window's record with the new values. Events later than that go to
   *     {@link AggregateStreams#late()}.
   */
  public static AggregateStreams build(
      DataStream<Event> events, AggregatePlan plan, EventCatalog catalog, Duration allowedLateness) {
    return build(events, plan, catalog, allowedLateness, "");
  }

  /**
   * As {@link #build(DataStream, AggregatePlan, EventCatalog, Duration)}, with {@code uidPrefix}
   * before every uid, so the same aggregate can appear more than once in a job (rule tests).
   */
  public static AggregateStreams build(
      DataStream<Event> events, AggregatePlan plan, EventCatalog catalog, Duration allowedLateness, String uidPrefix) {
    String uid = uidPrefix + uid(plan);
    OutputTag<Event> lateTag = new OutputTag<>(uid + "/late", new EventTypeInfo(catalog));
    SelectAggregator aggregator = new SelectAggregator(plan);

    SingleOutputStreamOperator<WindowRecord> records = events
        .filter(new AggregateInput(plan))
        .name(uid + "/input")
        .uid(uid + "/input")
        .keyBy(new GroupKeySelector(plan), Types.STRING)
        .window(WindowAssigners.of(plan.window()))
        .allowedLateness(allowedLateness)
        .sideOutputLateData(lateTag)
        .aggregate(
            aggregator,
            new WindowRecordEmitter(plan),
            new AccumulatorTypeInfo(aggregator.kinds()),
            WindowRecordTypeInfo.INSTANCE,
            WindowRecordTypeInfo.INSTANCE)
        .name(uid)
        .uid(uid);

    Optional<DataStream<Alert>> alerts = Optional.empty();
    if (plan.spike() != null) {
      alerts = Optional.of(records
          .keyBy(new RecordGroupKeySelector(), Types.STRING)
          .process(new SpikeFunction(plan), new AlertTypeInfo(catalog))
          .name(uid + "/spike")
          .uid(uid + "/spike"));
    }
    return new AggregateStreams(records, alerts, records.getSideOutput(lateTag));
  }

  /** The uid of an aggregate's window operator: {@code aggregate/<id>}. */
  public static String uid(AggregatePlan plan) {
    return "aggregate/" + plan.id();
  }
}
