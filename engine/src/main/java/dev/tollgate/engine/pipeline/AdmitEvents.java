package dev.tollgate.engine.pipeline;

import dev.tollgate.engine.aggregate.CountedByAggregates;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventDecoder;
import dev.tollgate.engine.event.RejectReason;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.eval.ValueFormat;
import dev.tollgate.engine.metrics.AdmissionMetrics;
import dev.tollgate.engine.source.RawRecord;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The pipeline's front door: decodes raw records, assigns event time, and rejects what cannot be
 * processed — bad records and late events alike, each with its raw text, reason and origin.
 * Deciding lateness here, where the raw record is still at hand, is what lets a late event's
 * rejected record carry its exact text and file line or Kafka offset. Every admitted event is
 * after every watermark this operator has passed on, so no operator downstream sees it as late.
 *
 * <p>Where watermarks come from depends on {@link PipelineOptions#deterministic()}:
 * <ul>
 *   <li><b>Deterministic</b> (backtests, rule tests; a file read in order): this operator makes
 *       them. An event is late when its ts is more than the out-of-orderness behind the largest ts
 *       admitted before it — for a file read in stripes ({@code StripedJsonLinesSource}), behind
 *       the largest ts on any earlier line of the whole file ({@code RawRecord.eventTimeBefore});
 *       watermarks trail that largest ts ({@code max - ooo - 1}, as Flink's
 *       bounded-out-of-orderness strategy does) and are emitted every {@code watermarkEvery}
 *       events. Which events are late then depends on input order alone, never on wall-clock
 *       timing or parallelism: a backtest gives the same result every run.
 *   <li><b>Live</b> (Kafka): the source makes them, per partition, with {@link
 *       PipelineOptions#sourceWatermarks()} — so partitions read by one subtask at different
 *       speeds (a backlog after a restart) do not make each other's events late, and a quiet
 *       partition is declared idle. This operator passes them on, with idleness, and rejects an
 *       event whose ts is not after the latest watermark it passed on.
 * </ul>
 *
 * <p><b>Aggregate lateness.</b> With {@link PipelineOptions#aggregateLateness()} L &gt; 0, an event
 * more than the out-of-orderness but at most that plus L behind the latest event is too late for
 * the rules (their state has moved past it) but not for the aggregates, whose windows stay open L
 * after their end. If an aggregate counts it ({@link CountedByAggregates}), it goes to the
 * aggregates-only output and is counted as admitted for aggregates; otherwise it is rejected as
 * late like any event beyond the bounds. Such an event is never late for an aggregate window: its
 * ts plus L is after every watermark emitted before it, and a window closes only when the watermark
 * passes its end plus L.
 *
 * <p><b>End of input</b> (deterministic). When a bounded input ends, no event can arrive any more, so event time
 * has reached the latest event: its ts goes out as a last watermark before the final {@code
 * Long.MAX_VALUE}. Downstream operators use it to tell what the input reached (absences whose
 * deadline is at or before it, aggregate windows whose end it passed) from what it did not.
 */
public final class AdmitEvents extends AbstractStreamOperator<Event> implements OneInputStreamOperator<RawRecord, Event> {
  private static final long serialVersionUID = 1L;

  /** Accumulator: records admitted as events (neither malformed nor late). */
  public static final String ADMITTED_COUNTER = "events-admitted";

  /** Accumulator: records too late for rules that were admitted for aggregates only. */
  public static final String ADMITTED_FOR_AGGREGATES_COUNTER = "events-admitted-aggregates-only";

  private final EventCatalog catalog;
  private final String defaultType;
  private final PipelineOptions options;
  private final OutputTag<Rejected> rejectedTag;
  private final CountedByAggregates countedByAggregates;
  private final OutputTag<Event> aggregatesOnlyTag;

  private transient EventDecoder decoder;
  /** Decoders for records that carry their own default type (topics bound to one type). */
  private transient Map<String, EventDecoder> typedDecoders;
  private transient LongCounter admitted;
  private transient LongCounter admittedForAggregates;
  private transient AdmissionMetrics metrics;
  private transient long maxTimestamp;
  private transient long currentWatermark;
  /** Deterministic: the latest ts the source says its input reached, for the end of input. */
  private transient long inputReached;
  private transient long sinceLastWatermark;

  /**
   * @param defaultType the event type of records without an {@code "event"} member (an input bound
   *     to one type), or null
   */
  public AdmitEvents(EventCatalog catalog, String defaultType, PipelineOptions options, OutputTag<Rejected> rejectedTag) {
    this(catalog, defaultType, options, rejectedTag, null, null);
  }

  /**
   * @param countedByAggregates the pipeline's aggregates, for events within the aggregate lateness;
   *     null (or no aggregate lateness) rejects every event beyond the out-of-orderness
   * @param aggregatesOnlyTag where events for the aggregates only go
   */
  public AdmitEvents(EventCatalog catalog, String defaultType, PipelineOptions options, OutputTag<Rejected> rejectedTag,
      CountedByAggregates countedByAggregates, OutputTag<Event> aggregatesOnlyTag) {
    this.catalog = catalog;
    this.defaultType = defaultType;
    this.options = options;
    this.rejectedTag = rejectedTag;
    boolean lateness = !options.aggregateLateness().isZero() && countedByAggregates != null && !countedByAggregates.isEmpty();
    this.countedByAggregates = lateness ? countedByAggregates : null;
    this.aggregatesOnlyTag = lateness ? aggregatesOnlyTag : null;
  }

  @Override
  public void open() throws Exception {
    super.open();
    decoder = new EventDecoder(catalog, defaultType);
    typedDecoders = new HashMap<>();
    admitted = getRuntimeContext().getLongCounter(ADMITTED_COUNTER);
    admittedForAggregates = getRuntimeContext().getLongCounter(ADMITTED_FOR_AGGREGATES_COUNTER);
    metrics = new AdmissionMetrics(getMetricGroup());
    maxTimestamp = Long.MIN_VALUE;
    currentWatermark = Long.MIN_VALUE;
    inputReached = Long.MIN_VALUE;
  }

  @Override
  public void processElement(StreamRecord<RawRecord> element) {
    RawRecord raw = element.getValue();
    if (raw.eventTimeBefore > maxTimestamp && options.deterministic()) {
      maxTimestamp = raw.eventTimeBefore;
    }
    EventDecoder recordDecoder = decoderFor(raw);
    Event event = raw.utf8() != null ? recordDecoder.decode(raw.utf8()) : recordDecoder.decode(raw.text());
    if (event == null) {
      metrics.rejected(recordDecoder.rejection().reason());
      output.collect(rejectedTag, new StreamRecord<>(Rejected.of(raw.text(), recordDecoder.rejection(), raw.origin())));
      return;
    }
    long ts = event.ts();
    String lateness = options.deterministic() ? behindPredecessors(ts) : behindWatermark(ts);
    if (lateness != null) {
      if (countedByAggregates != null && ts >= eventTimeForRules() - options.aggregateLateness().toMillis()) {
        if (countedByAggregates.test(event)) {
          admittedForAggregates.add(1L);
          metrics.admitted();
          output.collect(aggregatesOnlyTag, new StreamRecord<>(event, ts));
          return;
        }
        lateness += "; within the aggregate lateness, but no aggregate counts it";
      }
      metrics.rejected(RejectReason.LATE);
      output.collect(rejectedTag, new StreamRecord<>(new Rejected(raw.text(), RejectReason.LATE, lateness, raw.origin())));
      return;
    }
    admitted.add(1L);
    metrics.admitted();
    output.collect(new StreamRecord<>(event, ts));
    if (options.deterministic()) {
      maxTimestamp = Math.max(maxTimestamp, ts);
      if (++sinceLastWatermark >= options.watermarkEvery()) {
        emitWatermark();
      }
    }
  }

  /**
   * Late against the watermark this event's predecessors imply, not merely the last one emitted:
   * an event's fate then depends on input order alone, whatever the emission interval. Null when
   * on time.
   */
  private String behindPredecessors(long ts) {
    if (maxTimestamp != Long.MIN_VALUE && ts < maxTimestamp - options.outOfOrderness().toMillis()) {
      return "ts " + ValueFormat.timestamp(ts) + " is more than " + options.outOfOrderness().toMillis()
          + " ms behind the latest event (" + ValueFormat.timestamp(maxTimestamp) + ")";
    }
    return null;
  }

  /** Late against the source's watermark, which operators downstream have already seen. */
  private String behindWatermark(long ts) {
    if (ts <= currentWatermark) {
      return "ts " + ValueFormat.timestamp(ts) + " is not after the watermark " + ValueFormat.timestamp(currentWatermark)
          + " (event time reached by every partition, less the out-of-orderness)";
    }
    return null;
  }

  /** The oldest ts the rules still accept: one past the watermark they have seen or will see. */
  private long eventTimeForRules() {
    return options.deterministic() ? maxTimestamp - options.outOfOrderness().toMillis() : currentWatermark + 1;
  }

  private EventDecoder decoderFor(RawRecord raw) {
    if (raw.eventType == null) {
      return decoder;
    }
    return typedDecoders.computeIfAbsent(raw.eventType, type -> new EventDecoder(catalog, type));
  }

  private void emitWatermark() {
    sinceLastWatermark = 0;
    if (maxTimestamp == Long.MIN_VALUE) {
      return;
    }
    long watermark = maxTimestamp - options.outOfOrderness().toMillis() - 1;
    if (watermark > currentWatermark) {
      currentWatermark = watermark;
      output.emitWatermark(new Watermark(watermark));
    }
  }

  /**
   * Live: the source's watermarks pass on. Deterministic: the source sends none but the end of a
   * bounded input ({@code Long.MAX_VALUE}), which passes on so windows close and end-of-input
   * rules apply, the latest event's ts first: the input has ended, so event time has reached it.
   * A file read in stripes also says, just before, which ts the whole file reached; that counts as
   * the latest event (its other stripes admitted it), and only then.
   */
  @Override
  public void processWatermark(Watermark mark) {
    if (!options.deterministic()) {
      if (mark.getTimestamp() > currentWatermark) {
        currentWatermark = mark.getTimestamp();
        output.emitWatermark(mark);
      }
    } else if (mark.getTimestamp() != Long.MAX_VALUE) {
      // A striped file reader's last word: the file's latest ts, which its other stripes reached.
      inputReached = Math.max(inputReached, mark.getTimestamp());
    } else {
      long reached = Math.max(maxTimestamp, inputReached);
      if (reached != Long.MIN_VALUE && reached > currentWatermark) {
        currentWatermark = reached;
        output.emitWatermark(new Watermark(reached));
      }
      output.emitWatermark(mark);
    }
  }
}
