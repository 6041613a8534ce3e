package dev.tollgate.jobs.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * When a measured run started and ended, and what it produced, as seen from inside the job. The
 * embedded cluster runs in this JVM, so the source reader and the sinks report here directly:
 * the time measured is from the first line read to the last sink reaching the end of its input,
 * without the cluster's start-up and shut-down.
 */
final class RunClock {
  private static final AtomicLong FIRST_READ = new AtomicLong(Long.MAX_VALUE);
  private static final AtomicLong LAST_FINISHED = new AtomicLong(Long.MIN_VALUE);
  private static final AtomicLong CPU_AT_FIRST_READ = new AtomicLong(-1);
  private static final AtomicLong CPU_AT_LAST_FINISHED = new AtomicLong(-1);
  private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final LongAdder LINES = new LongAdder();
  private static final LongAdder EVENTS = new LongAdder();
  private static final LongAdder REJECTED = new LongAdder();
  private static final LongAdder ALERTS = new LongAdder();

  private RunClock() {}

  static void reset() {
    FIRST_READ.set(Long.MAX_VALUE);
    LAST_FINISHED.set(Long.MIN_VALUE);
    CPU_AT_FIRST_READ.set(-1);
    CPU_AT_LAST_FINISHED.set(-1);
    LINES.reset();
    EVENTS.reset();
    REJECTED.reset();
    ALERTS.reset();
  }

  static void firstLineRead() {
    long now = System.nanoTime();
    if (FIRST_READ.compareAndSet(Long.MAX_VALUE, now)) {
      CPU_AT_FIRST_READ.set(OS.getProcessCpuTime());
    } else {
      FIRST_READ.accumulateAndGet(now, Math::min);
    }
  }

  static void linesRead(long lines) {
    LINES.add(lines);
  }

  static void outputFinished() {
    long now = System.nanoTime();
    LAST_FINISHED.accumulateAndGet(now, Math::max);
    CPU_AT_LAST_FINISHED.accumulateAndGet(OS.getProcessCpuTime(), Math::max);
  }

  static void counted(Output output, long records) {
    switch (output) {
      case EVENTS -> EVENTS.add(records);
      case REJECTED -> REJECTED.add(records);
      case ALERTS -> ALERTS.add(records);
    }
  }

  /** Nanoseconds from the first line read to the last output finished; -1 if either is missing. */
  static long elapsedNanos() {
    long first = FIRST_READ.get();
    long last = LAST_FINISHED.get();
    return first == Long.MAX_VALUE || last == Long.MIN_VALUE ? -1 : last - first;
  }

  /**
   * CPU time this process used over the same span, all threads together: on a machine shared with
   * other work, throughput per CPU-second compares cases better than wall-clock time does.
   */
  static long cpuNanos() {
    long first = CPU_AT_FIRST_READ.get();
    long last = CPU_AT_LAST_FINISHED.get();
    return first < 0 || last < 0 ? -1 : last - first;
  }

  static long lines() {
    return LINES.sum();
  }

  static long events() {
    return EVENTS.sum();
  }

  static long rejected() {
    return REJECTED.sum();
  }

  static long alerts() {
    return ALERTS.sum();
  }

  /** What a sink counts. */
  enum Output {
    /** Decoded events discarded by the parse-only case. */
    EVENTS,
    /** Rejected records (malformed or late). */
    REJECTED,
    /** Alerts, or matches of the hand-written pattern. */
    ALERTS
  }
}
