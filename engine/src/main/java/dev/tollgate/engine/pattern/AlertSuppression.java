package dev.tollgate.engine.pattern;

import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;

/**
 * {@code suppress}: after a rule fires for a key, no new alert for that key until the suppression
 * span has passed in event time, measured from the alert's event time. The quiet period is a keyed
 * value that a timer clears once the watermark passes its end, so it leaves no state behind.
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

  /**
   * Whether an alert with this event time may fire; if so, starts the quiet period.
   *
   * @return false if the key is still quiet
   */
  boolean tryFire(PatternRule rule, long eventTime, RuleRuntime runtime) throws Exception {
    if (quietUntil == null) {
      return true;
    }
    Long until = quietUntil.value();
    if (until != null && eventTime < until) {
      return false;
    }
    long end = eventTime + suppressMillis;
    quietUntil.update(end);
    runtime.registerTimer(rule, end);
    return true;
  }

  /** Ends the quiet period once the watermark has passed it. */
  void onTimer(long watermark) throws Exception {
    if (quietUntil != null) {
      Long until = quietUntil.value();
      if (until != null && until <= watermark) {
        quietUntil.clear();
      }
    }
  }
}
