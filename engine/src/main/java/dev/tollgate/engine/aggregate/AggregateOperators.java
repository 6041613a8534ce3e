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
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * Builds an {@code aggregate} block on a Flink event stream:
 *
 * <pre>
 * events → filter (type, where, non-null group), keep read fields → keyBy group → event-time window
 *        → incremental aggregate + window bounds → WindowRecords [uid aggregate/&lt;id&gt;]
 *        → keyBy group → spike function → Alerts         [uid aggregate/&lt;id&gt;/spike]
 * </pre>
 *
 * Sliding windows aggregate in two stages, panes first ({@link SlidingPanes}, uid {@code
 * aggregate/<id>/panes}), so an event updates one accumulator, not one per covering window.
 *
 * The input must carry timestamps and watermarks, with events later than the pipeline's
 * out-of-orderness already removed. Windows keep one accumulator per group and open window (see
 * {@link SlotKind}), never the events, and fire once, when they close ({@link WindowCloseTrigger}). Uids are derived from the aggregate id, so savepoints map
 * back to the same aggregate across deployments. Callers skip aggregates whose mode is disabled.
 */
public final class AggregateOperators {
  private AggregateOperators() {}

  /** The aggregate with no allowed lateness: a window closes when event time passes its end. */
  public static AggregateStreams build(DataStream<Event> events, AggregatePlan plan, EventCatalog catalog) {
    return build(events, null, plan, catalog, Duration.ZERO);
  }

  /** The aggregate over one input, its windows closing {@code allowedLateness} after their end. */
  public static AggregateStreams build(
      DataStream<Event> events, AggregatePlan plan, EventCatalog catalog, Duration allowedLateness) {
    return build(events, null, plan, catalog, allowedLateness);
  }

  /**
   * @param events on-time events: every event of the input, or at least those the aggregate may
   *     count
   * @param aggregatesOnly events later than the rules accept but within {@code allowedLateness}
   *     (see {@code AdmitEvents}), or null. Each input is filtered where it is produced, so the
   *     filters chain to their producer and only counted events cross the network.
   * @param allowedLateness how long after its end a window still accepts events; it fires once,
   *     when event time passes end + lateness (see {@link WindowCloseTrigger}). Events later than
   *     that go to {@link AggregateStreams#late()}.
   */
  public static AggregateStreams build(DataStream<Event> events, DataStream<Event> aggregatesOnly, AggregatePlan plan,
      EventCatalog catalog, Duration allowedLateness) {
    return build(events, aggregatesOnly, plan, catalog, allowedLateness, "");
  }

  /**
   * As {@link #build(DataStream, DataStream, AggregatePlan, EventCatalog, Duration)}, with {@code
   * uidPrefix} before every uid, so the same aggregate can appear more than once in a job (rule
   * tests).
   */
  public static AggregateStreams build(DataStream<Event> events, DataStream<Event> aggregatesOnly, AggregatePlan plan,
      EventCatalog catalog, Duration allowedLateness, String uidPrefix) {
    String uid = uidPrefix + uid(plan);
    OutputTag<Event> lateTag = new OutputTag<>(uid + "/late", new EventTypeInfo(catalog));
    SelectAggregator aggregator = new SelectAggregator(plan);

    DataStream<Event> counted = filtered(events, plan, catalog, uid + "/input");
    if (aggregatesOnly != null) {
      counted = counted.union(filtered(aggregatesOnly, plan, catalog, uid + "/late-input"));
    }
    KeyedStream<Event, String> grouped = counted.keyBy(new GroupKeySelector(plan), Types.STRING);
    AccumulatorTypeInfo accumulatorType = new AccumulatorTypeInfo(aggregator.kinds());
    SingleOutputStreamOperator<WindowRecord> records;
    DataStream<Event> late;
    if (plan.window().kind() == AggregatePlan.WindowKind.SLIDING) {
      SingleOutputStreamOperator<Tuple2<String, Accumulator>> panes = grouped
          .window(SlidingPanes.paneAssigner(plan.window()))
          .trigger(new WindowCloseTrigger(allowedLateness.toMillis()))
          .allowedLateness(allowedLateness)
          .sideOutputLateData(lateTag)
          .aggregate(new SlidingPanes.PaneAggregator(aggregator), new SlidingPanes.PaneEmitter(),
              accumulatorType, accumulatorType, SlidingPanes.paneType(aggregator.kinds()))
          .name(uid + "/panes")
          .uid(uid + "/panes");
      records = panes
          .keyBy(new SlidingPanes.PaneKey(), Types.STRING)
          .transform(uid, WindowRecordTypeInfo.INSTANCE,
              new SlidingWindowOperator(plan, aggregator.kinds(), allowedLateness.toMillis()))
          .uid(uid);
      late = panes.getSideOutput(lateTag);
    } else {
      records = grouped
          .window(WindowAssigners.of(plan.window()))
          .trigger(new WindowCloseTrigger(allowedLateness.toMillis()))
          .allowedLateness(allowedLateness)
          .sideOutputLateData(lateTag)
          .aggregate(aggregator, new WindowRecordEmitter(plan), accumulatorType,
              WindowRecordTypeInfo.INSTANCE, WindowRecordTypeInfo.INSTANCE)
          .name(uid)
          .uid(uid);
      late = records.getSideOutput(lateTag);
    }

    Optional<DataStream<Alert>> alerts = Optional.empty();
    if (plan.spike() != null) {
      alerts = Optional.of(records
          .keyBy(new RecordGroupKeySelector(), Types.STRING)
          .process(new SpikeFunction(plan, allowedLateness.toMillis()), new AlertTypeInfo(catalog))
          .name(uid + "/spike")
          .uid(uid + "/spike"));
    }
    return new AggregateStreams(records, alerts, late);
  }

  /** Same parallelism as the producer, so the filter chains to it. */
  private static DataStream<Event> filtered(DataStream<Event> events, AggregatePlan plan, EventCatalog catalog, String uid) {
    return events
        .flatMap(new AggregateInput(plan), new EventTypeInfo(catalog))
        .setParallelism(events.getParallelism())
        .name(uid)
        .uid(uid);
  }

  /** The uid of an aggregate's window operator: {@code aggregate/<id>}. */
  public static String uid(AggregatePlan plan) {
    return "aggregate/" + plan.id();
  }
}
