package dev.tollgate.engine.metrics;

import java.util.Arrays;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;

/**
 * One {@link RuleMetrics#EVENTS_EVALUATED} counter per event type, shared by all the rules of an
 * operator that examine every event of that type: an event is counted once, not once per rule,
 * which matters when an operator runs hundreds of rules and skips most of them by index.
 */
public final class EvaluatedCounters {
  private Counter[] byType = new Counter[0];

  /** The counter of {@code eventType}, for {@link RuleMetrics#of(org.apache.flink.metrics.MetricGroup, String, Counter)}. */
  public Counter forType(int eventType) {
    if (eventType >= byType.length) {
      byType = Arrays.copyOf(byType, eventType + 1);
    }
    if (byType[eventType] == null) {
      byType[eventType] = new SimpleCounter();
    }
    return byType[eventType];
  }

  /** Counts an event of {@code eventType}; whether any rule reads the type. */
  public boolean count(int eventType) {
    Counter counter = eventType >= 0 && eventType < byType.length ? byType[eventType] : null;
    if (counter == null) {
      return false;
    }
    counter.inc();
    return true;
  }
}
