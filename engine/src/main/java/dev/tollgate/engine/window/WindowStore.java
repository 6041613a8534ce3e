package dev.tollgate.engine.window;

import java.util.Map;

/**
 * Where one rule's window for one key keeps what does not fit its {@link WindowSummary}: the
 * events, one {@link EventBucket} per timestamp, and the value counts of each {@code
 * count_distinct} aggregate. Point lookups by timestamp are all an event needs; {@link #buckets}
 * (a scan, in no particular order) is only for recomputing a {@code min} or {@code max}.
 */
interface WindowStore {
  /** The bucket at {@code time}, or null. */
  EventBucket bucket(long time);

  void put(long time, EventBucket bucket);

  void remove(long time);

  /** Every bucket with its timestamp, in no particular order. */
  Iterable<Map.Entry<Long, EventBucket>> buckets();

  /** The value counts of aggregate {@code aggregate}; only called for {@code count_distinct}. */
  WindowAccumulator.ValueCounts counts(int aggregate);
}
