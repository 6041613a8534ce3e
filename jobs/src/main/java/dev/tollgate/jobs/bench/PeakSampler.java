package dev.tollgate.jobs.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A daemon thread that reads a figure at a fixed interval and keeps the largest value seen. */
final class PeakSampler implements AutoCloseable {
  private final AtomicLong peak = new AtomicLong();
  private final LongSupplier figure;
  private final Thread thread;

  PeakSampler(String name, long intervalMillis, LongSupplier figure) {
    this.figure = figure;
    thread = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          sample();
          Thread.sleep(intervalMillis);
        }
      } catch (InterruptedException done) {
        Thread.currentThread().interrupt();
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    peak.accumulateAndGet(figure.getAsLong(), Math::max);
  }

  long peak() {
    return peak.get();
  }

  /** Stops sampling after one last reading. */
  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join();
    sample();
  }
}
