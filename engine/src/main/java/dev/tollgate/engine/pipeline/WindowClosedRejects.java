package dev.tollgate.engine.pipeline;

import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventEncoder;
import dev.tollgate.engine.event.Origin;
import dev.tollgate.engine.event.RejectReason;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.eval.ValueFormat;
import dev.tollgate.engine.metrics.RuleMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * Turns an event an aggregate window refused as late into a rejected record. Admission makes this
 * impossible (no admitted event is behind a window's close, see {@link AdmitEvents}), so this is a
 * guard: should it ever happen, the event is reported rather than dropped. The raw text is gone by
 * then, so the record carries the event as the window saw it (id, ts and the fields the aggregate
 * reads) re-encoded, and an unknown origin. Each counts in the aggregate's {@code late} metric.
 */
final class WindowClosedRejects extends RichMapFunction<Event, Rejected> {
  private static final long serialVersionUID = 1L;

  private final EventCatalog catalog;
  private final String aggregateId;
  private transient EventEncoder encoder;
  private transient Counter late;

  WindowClosedRejects(EventCatalog catalog, String aggregateId) {
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
        "ts " + ValueFormat.timestamp(event.ts()) + " is after the close of its window of aggregate " + aggregateId,
        Origin.UNKNOWN);
  }
}
