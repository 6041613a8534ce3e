package dev.tollgate.engine.window;

/**
 * The small, fixed-size part of one rule's window for one key, read and written on every event:
 * how many events the window holds, the timestamps of its oldest and newest {@link EventBucket},
 * the time until which the rule is suppressed for the key, and the running aggregates. The events
 * themselves are stored apart, one bucket per timestamp, so an event costs its own bytes and not
 * the window's.
 */
public final class WindowSummary {
  /** No suppression in force. */
  public static final long NOT_SUPPRESSED = Long.MIN_VALUE;

  long size;
  long oldest = EventBucket.NONE;
  long newest = EventBucket.NONE;
  long suppressedUntil = NOT_SUPPRESSED;
  final WindowAccumulator[] accumulators;

  WindowSummary(WindowAccumulator[] accumulators) {
    this.accumulators = accumulators;
  }

  /** How many events the window holds. */
  public long size() {
    return size;
  }

  /** The rule may not fire for this key before this time (exclusive); {@link #NOT_SUPPRESSED} if none. */
  public long suppressedUntil() {
    return suppressedUntil;
  }

  /** A deep copy, for the heap backend's copy-on-write snapshots. */
  WindowSummary copy() {
    WindowAccumulator[] copies = new WindowAccumulator[accumulators.length];
    for (int i = 0; i < copies.length; i++) {
      copies[i] = accumulators[i].copy();
    }
    WindowSummary copy = new WindowSummary(copies);
    copy.size = size;
    copy.oldest = oldest;
    copy.newest = newest;
    copy.suppressedUntil = suppressedUntil;
    return copy;
  }

  @Override
  public String toString() {
    return "WindowSummary{" + size + " events, " + oldest + ".." + newest
        + (suppressedUntil == NOT_SUPPRESSED ? "" : ", suppressed until " + suppressedUntil) + "}";
  }
}
