package dev.tollgate.engine.pipeline;

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
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.util.OutputTag;

/**
 * The pipeline's front door: decodes raw records, assigns event time, emits watermarks, and rejects
 * what cannot be processed — bad records and late events alike, each with its raw text, reason and
 * origin. Deciding lateness here, where the raw record is still at hand, is what lets a late
 * event's rejected record carry its exact text and file line or Kafka offset.
 *
 * <p>An event is late when its ts is more than the allowed out-of-orderness behind the largest ts
 * admitted before it. Watermarks trail that largest ts by the out-of-orderness ({@code max - ooo
 * - 1}, as Flink's bounded-out-of-orderness strategy does), so every admitted event is after every
 * watermark, and are emitted every {@code watermarkEvery} events. With {@link PipelineOptions#deterministic()} that is the only trigger,
 * so which events count as late depends on input order alone, never on wall-clock timing: a
 * backtest gives the same result every run. Otherwise a processing-time timer also emits
 * periodically and marks the input idle after {@link PipelineOptions#idleTimeout()} without
 * records, so a quiet Kafka partition does not hold event time back.
 */
public final class AdmitEvents extends AbstractStreamOperator<Event>
    implements OneInputStreamOperator<RawRecord, Event>, ProcessingTimeCallback {
  private static final long serialVersionUID = 1L;

  /** Accumulator: records admitted as events (neither malformed nor late). */
  public static final String ADMITTED_COUNTER = "events-admitted";

  private static final long PERIODIC_EMIT_MILLIS = 200;

  private final EventCatalog catalog;
  private final String defaultType;
  private final PipelineOptions options;
  private final OutputTag<Rejected> rejectedTag;

  private transient EventDecoder decoder;
  /** Decoders for records that carry their own default type (topics bound to one type). */
  private transient Map<String, EventDecoder> typedDecoders;
  private transient LongCounter admitted;
  private transient AdmissionMetrics metrics;
  private transient long maxTimestamp;
  private transient long currentWatermark;
  private transient long sinceLastWatermark;
  private transient long lastRecordMillis;
  private transient boolean idle;

  /**
   * @param defaultType the event type of records without an {@code "event"} member (an input bound
   *     to one type), or null
   */
  public AdmitEvents(EventCatalog catalog, String defaultType, PipelineOptions options, OutputTag<Rejected> rejectedTag) {
    this.catalog = catalog;
    this.defaultType = defaultType;
    this.options = options;
    this.rejectedTag = rejectedTag;
  }

  @Override
  public void open() throws Exception {
    super.open();
    decoder = new EventDecoder(catalog, defaultType);
    typedDecoders = new HashMap<>();
    admitted = getRuntimeContext().getLongCounter(ADMITTED_COUNTER);
    metrics = new AdmissionMetrics(getMetricGroup());
    maxTimestamp = Long.MIN_VALUE;
    currentWatermark = Long.MIN_VALUE;
    if (!options.deterministic()) {
      lastRecordMillis = getProcessingTimeService().getCurrentProcessingTime();
      getProcessingTimeService().registerTimer(lastRecordMillis + PERIODIC_EMIT_MILLIS, this);
    }
  }

  @Override
  public void processElement(StreamRecord<RawRecord> element) {
    RawRecord raw = element.getValue();
    EventDecoder recordDecoder = decoderFor(raw);
    Event event = recordDecoder.decode(raw.text);
    if (event == null) {
      metrics.rejected(recordDecoder.rejection().reason());
      output.collect(rejectedTag, new StreamRecord<>(Rejected.of(raw.text, recordDecoder.rejection(), raw.origin())));
      return;
    }
    long ts = event.ts();
    // Late against the watermark this event's predecessors imply, not merely the last one emitted:
    // an event's fate then depends on input order alone, whatever the emission interval.
    if (maxTimestamp != Long.MIN_VALUE && ts < maxTimestamp - options.outOfOrderness().toMillis()) {
      String detail = "ts " + ValueFormat.timestamp(ts) + " is more than " + options.outOfOrderness().toMillis()
          + " ms behind the latest event (" + ValueFormat.timestamp(maxTimestamp) + ")";
      metrics.rejected(RejectReason.LATE);
      output.collect(rejectedTag, new StreamRecord<>(new Rejected(raw.text, RejectReason.LATE, detail, raw.origin())));
      return;
    }
    if (idle) {
      idle = false;
      output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
    }
    admitted.add(1L);
    metrics.admitted();
    maxTimestamp = Math.max(maxTimestamp, ts);
    output.collect(new StreamRecord<>(event, ts));
    if (++sinceLastWatermark >= options.watermarkEvery()) {
      emitWatermark();
    }
    if (!options.deterministic()) {
      lastRecordMillis = getProcessingTimeService().getCurrentProcessingTime();
    }
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

  @Override
  public void onProcessingTime(long time) {
    emitWatermark();
    long idleMillis = options.idleTimeout().toMillis();
    if (idleMillis > 0 && !idle && time - lastRecordMillis >= idleMillis) {
      idle = true;
      output.emitWatermarkStatus(WatermarkStatus.IDLE);
    }
    getProcessingTimeService().registerTimer(time + PERIODIC_EMIT_MILLIS, this);
  }

  /**
   * Upstream sources carry no event time; the only watermark they send is the end of a bounded
   * input ({@code Long.MAX_VALUE}), which passes through so windows close and end-of-input rules
   * apply. Our own last watermark goes first, so event time reaches the input's end.
   */
  @Override
  public void processWatermark(Watermark mark) {
    if (mark.getTimestamp() == Long.MAX_VALUE) {
      emitWatermark();
      output.emitWatermark(mark);
    }
  }
}
