package dev.tollgate.engine.pipeline;

import dev.tollgate.engine.eval.ValueFormat;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventEncoder;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.Origin;
import dev.tollgate.engine.event.RejectReason;
import dev.tollgate.engine.event.Rejected;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Diverts events that arrive after the watermark has passed their {@code ts} to the rejected
 * output with reason {@code late}, instead of letting event-time operators drop or misplace them.
 * Place it right after timestamps and watermarks are assigned, before any keyBy.
 *
 * <p>An event is late when {@code ts <= watermark}: Flink's watermark {@code W} promises that no
 * more events with {@code ts <= W} follow, and timers up to {@code W} may already have fired.
 * The rejected record carries the event re-encoded as JSON (the original text is gone by now).
 */
public final class LateEventFilter extends ProcessFunction<Event, Event> {
  private static final long serialVersionUID = 1L;

  /** Side output of late events. */
  public static final OutputTag<Rejected> LATE = new OutputTag<>("late", org.apache.flink.api.common.typeinfo.TypeInformation.of(Rejected.class));

  private final EventCatalog catalog;
  private transient EventEncoder encoder;

  public LateEventFilter(EventCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void open(OpenContext openContext) {
    encoder = new EventEncoder(catalog);
  }

  @Override
  public void processElement(Event event, Context ctx, Collector<Event> out) {
    long watermark = ctx.timerService().currentWatermark();
    if (event.ts() <= watermark) {
      String detail = "ts " + ValueFormat.timestamp(event.ts()) + " is not after the watermark "
          + ValueFormat.timestamp(watermark) + " (more out of order than allowed)";
      ctx.output(LATE, new Rejected(encoder.encode(event), RejectReason.LATE, detail, Origin.UNKNOWN));
    } else {
      out.collect(event);
    }
  }
}
