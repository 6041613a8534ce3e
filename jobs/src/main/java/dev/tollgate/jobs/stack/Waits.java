package dev.tollgate.jobs.stack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling until something outside this JVM is ready. */
public final class Waits {
  private Waits() {}

  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Polls {@code condition} every 200 ms; false if it did not hold within the timeout. */
  public static boolean until(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      pause(Duration.ofMillis(200));
    }
  }
}
