package dev.tollgate.engine.pattern;

import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;

/**
 * {@code suppress}: after a rule fires for a key, no new alert for that key until the suppression
 * span has passed in event time, measured from the alert's event time. The quiet period is a keyed
 * value, dropped once the watermark passes its end, so it leaves no state behind.
 */
final class AlertSuppression {
  private final long suppressMillis;
  private final ValueState<Long> quietUntil;

  AlertSuppression(KeyedStateStore store, long suppressMillis) {
    this.suppressMillis = suppressMillis;
    this.quietUntil =
        suppressMillis > 0
            ? store.getState(new ValueStateDescriptor<>("suppressed-until", LongSerializer.INSTANCE))
            : null;
  }

  /** Whether an alert with this event time may fire; if so, the key's quiet period starts. */
  boolean tryFire(long eventTime) throws Exception {
    if (quietUntil == null) {
      return true;
    }
    Long until = quietUntil.value();
    if (until != null && eventTime < until) {
      return false;
    }
    quietUntil.update(eventTime + suppressMillis);
    return true;
  }

  /**
   * Ends the quiet period if the watermark has passed it.
   *
   * @return when the quiet period that remains ends, or null if none remains
   */
  Long expire(long watermark) throws Exception {
    Long until = quietUntil();
    if (until != null && until <= watermark) {
      quietUntil.clear();
      return null;
    }
    return until;
  }

  /** When the current key's quiet period ends, or null if it is not quiet. */
  Long quietUntil() throws Exception {
    return quietUntil == null ? null : quietUntil.value();
  }
}
