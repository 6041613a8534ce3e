package dev.tollgate.engine.pipeline;

import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventEncoder;
import dev.tollgate.engine.event.Origin;
import dev.tollgate.engine.event.RejectReason;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.eval.ValueFormat;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Turns an event an aggregate window refused as late into a rejected record. Admission makes this
 * impossible (no admitted event is behind a window's close, see {@link AdmitEvents}), so this is a
 * guard: should it ever happen, the event is reported rather than dropped. The raw text is gone by
 * then, so the record carries the event re-encoded and an unknown origin.
 */
final class WindowClosedRejects implements MapFunction<Event, Rejected> {
  private static final long serialVersionUID = 1L;

  private final EventCatalog catalog;
  private final String aggregateId;
  private transient EventEncoder encoder;

  WindowClosedRejects(EventCatalog catalog, String aggregateId) {
    this.catalog = catalog;
    this.aggregateId = aggregateId;
  }

  @Override
  public Rejected map(Event event) {
    if (encoder == null) {
      encoder = new EventEncoder(catalog);
    }
    return new Rejected(encoder.encode(event), RejectReason.LATE,
        "ts " + ValueFormat.timestamp(event.ts()) + " is after the close of its window of aggregate " + aggregateId,
        Origin.UNKNOWN);
  }
}
