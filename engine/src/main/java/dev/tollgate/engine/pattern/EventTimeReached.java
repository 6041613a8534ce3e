package dev.tollgate.engine.pattern;

import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.OperatorStateStore;
import org.apache.flink.api.common.typeutils.base.LongSerializer;

/**
 * How far event time has provably gone: the later of the last real watermark and the latest event
 * timestamp received. Once a finite input has ended (the watermark jumped to {@code Long.MAX_VALUE})
 * this is the only honest measure of time, and an absence whose deadline lies beyond it was never
 * observed.
 *
 * <p>Kept in union operator state: any subtask's evidence is evidence for the whole input, so after
 * a restore (even a rescaled one) every subtask takes the maximum.
 */
final class EventTimeReached {
  private long reached = Long.MIN_VALUE;
  private ListState<Long> stored;

  void initialize(OperatorStateStore store) throws Exception {
    stored = store.getUnionListState(new ListStateDescriptor<>("pattern-event-time-reached", LongSerializer.INSTANCE));
    for (Long time : stored.get()) {
      reached = Math.max(reached, time);
    }
  }

  void observeEvent(long timestamp) {
    reached = Math.max(reached, timestamp);
  }

  /** Records a watermark; the end-of-input watermark proves nothing and is ignored. */
  void observeWatermark(long watermark) {
    if (watermark != Long.MAX_VALUE) {
      reached = Math.max(reached, watermark);
    }
  }

  long reached() {
    return reached;
  }

  void snapshot() throws Exception {
    stored.update(List.of(reached));
  }
}
