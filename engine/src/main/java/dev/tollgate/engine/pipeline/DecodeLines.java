package dev.tollgate.engine.pipeline;

import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventDecoder;
import dev.tollgate.engine.event.Origin;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.source.RawLine;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes JSON-lines records into events; records that are not valid events go to {@link
 * Outputs#REJECTED} with their raw text, reason and file line. Nothing is dropped.
 */
public final class DecodeLines extends ProcessFunction<RawLine, Event> {
  private static final long serialVersionUID = 1L;

  /** Accumulator: records decoded into events (late ones included). */
  public static final String DECODED_COUNTER = "events-decoded";

  private final EventCatalog catalog;
  private final String defaultType;
  private transient EventDecoder decoder;
  private transient LongCounter decoded;

  /** @param defaultType the event type of records without an {@code "event"} member, or null */
  public DecodeLines(EventCatalog catalog, String defaultType) {
    this.catalog = catalog;
    this.defaultType = defaultType;
  }

  @Override
  public void open(OpenContext openContext) {
    decoder = new EventDecoder(catalog, defaultType);
    decoded = getRuntimeContext().getLongCounter(DECODED_COUNTER);
  }

  @Override
  public void processElement(RawLine line, Context ctx, Collector<Event> out) {
    Event event = decoder.decode(line.text);
    if (event != null) {
      decoded.add(1L);
      out.collect(event);
    } else {
      ctx.output(Outputs.REJECTED, Rejected.of(line.text, decoder.rejection(), Origin.fileLine(line.file, line.line)));
    }
  }
}
