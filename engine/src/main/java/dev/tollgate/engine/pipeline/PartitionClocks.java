package dev.tollgate.engine.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event time per input partition (a Kafka topic partition, or a file) of one admission subtask. A
 * subtask often reads several partitions, whose event times drift apart — most of all while a
 * backlog is read after a restart — so lateness is judged against the event's own partition, and
 * the watermark is the slowest active partition's: {@code min(max ts - out-of-orderness - 1)}, as
 * Flink's per-split watermarks do. A partition that has sent nothing for the idle timeout stops
 * holding event time back until it sends again. With one partition (a file) this is plain
 * bounded out-of-orderness over input order.
 */
final class PartitionClocks {
  /** One partition's progress. */
  static final class Clock {
    long maxTimestamp = Long.MIN_VALUE;
    long lastRecordMillis;
    boolean idle;
  }

  private final long outOfOrdernessMillis;
  private final Map<String, Clock[]> bySource = new HashMap<>();
  private final List<Clock> all = new ArrayList<>();

  PartitionClocks(long outOfOrdernessMillis) {
    this.outOfOrdernessMillis = outOfOrdernessMillis;
  }

  /** The clock of a partition ({@code -1} for a file), created on its first record. */
  Clock clock(String source, int partition) {
    int index = partition + 1;
    Clock[] clocks = bySource.get(source);
    if (clocks == null || index >= clocks.length) {
      clocks = clocks == null ? new Clock[index + 1] : Arrays.copyOf(clocks, Math.max(index + 1, clocks.length * 2));
      bySource.put(source, clocks);
    }
    Clock clock = clocks[index];
    if (clock == null) {
      clock = new Clock();
      clocks[index] = clock;
      all.add(clock);
    }
    return clock;
  }

  /** Whether {@code ts} is further behind its partition's latest event than allowed. */
  boolean isLate(Clock clock, long ts) {
    return clock.maxTimestamp != Long.MIN_VALUE && ts < clock.maxTimestamp - outOfOrdernessMillis;
  }

  /** The watermark the active partitions allow, or {@code Long.MIN_VALUE} while none has an event. */
  long watermark() {
    long watermark = Long.MAX_VALUE;
    boolean any = false;
    for (Clock clock : all) {
      if (!clock.idle && clock.maxTimestamp != Long.MIN_VALUE) {
        watermark = Math.min(watermark, clock.maxTimestamp - outOfOrdernessMillis - 1);
        any = true;
      }
    }
    return any ? watermark : Long.MIN_VALUE;
  }

  /** Marks partitions silent since {@code now - idleMillis} idle; whether every partition is. */
  boolean markIdle(long now, long idleMillis) {
    boolean allIdle = true;
    for (Clock clock : all) {
      if (!clock.idle && now - clock.lastRecordMillis >= idleMillis) {
        clock.idle = true;
      }
      allIdle &= clock.idle;
    }
    return allIdle;
  }
}
