package dev.tollgate.jobs.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a run needed: the largest heap occupancy right after a garbage collection while the run
 * was going (what was live, not what was garbage waiting to be collected), and the largest
 * occupancy sampled at all. The embedded cluster shares this JVM, so this is the job's heap plus
 * the cluster's own, which is about the same for every case.
 */
final class HeapWatch implements AutoCloseable, NotificationListener {
  private static final long SAMPLE_MILLIS = 50;

  private final AtomicLong afterGcPeak = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final PeakSampler sampler;

  private HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(this, null, null);
        emitters.add(emitter);
      }
    }
    sampler = new PeakSampler("bench-heap-sampler", SAMPLE_MILLIS,
        () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /** Collects what the previous run left behind, then starts watching. */
  static HeapWatch start() {
    System.gc();
    return new HeapWatch();
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (isHeapPool(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    afterGcPeak.accumulateAndGet(used, Math::max);
  }

  private static boolean isHeapPool(String name) {
    return !name.contains("Metaspace") && !name.contains("Code") && !name.contains("Compressed Class");
  }

  /** Largest heap occupancy after a collection; the sampled peak if no collection happened. */
  long livePeakBytes() {
    long live = afterGcPeak.get();
    return live > 0 ? live : sampler.peak();
  }

  long sampledPeakBytes() {
    return sampler.peak();
  }

  @Override
  public void close() throws Exception {
    sampler.close();
    for (NotificationEmitter emitter : emitters) {
      emitter.removeNotificationListener(this);
    }
  }
}
