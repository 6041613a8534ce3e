package dev.tollgate.engine.pipeline;

import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventTypeInfo;
import dev.tollgate.engine.event.Rejected;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** Side outputs shared by the pipeline's operators. */
public final class Outputs {
  /** Records that were not processed, with the reason. */
  public static final OutputTag<Rejected> REJECTED =
      new OutputTag<>("rejected", TypeInformation.of(Rejected.class));

  private Outputs() {}

  /** Events too late for rules but within the aggregate lateness (see {@link AdmitEvents}). */
  public static OutputTag<Event> aggregatesOnly(EventCatalog catalog) {
    return new OutputTag<>("aggregates-only", new EventTypeInfo(catalog));
  }
}
