package dev.tollgate.engine.window;

import dev.tollgate.engine.event.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The state of one windowed rule for one key: the events in its window (those that passed {@code
 * where}), oldest first, and the time until which the rule is suppressed for the key.
 *
 * <p>The aggregate accumulators are derived from the events and not serialized: they are rebuilt
 * on first use after a restore or copy. With the heap state backend the object lives across
 * events, so each event costs an incremental update; with RocksDB each access deserializes the
 * window and the accumulators are rebuilt from it.
 */
public final class RuleWindow {
  /** No suppression in force. */
  public static final long NOT_SUPPRESSED = Long.MIN_VALUE;

  private final ArrayDeque<Event> events;
  private long suppressedUntil;
  private WindowAccumulator[] accumulators;

  public RuleWindow() {
    this(new ArrayDeque<>(), NOT_SUPPRESSED);
  }

  RuleWindow(ArrayDeque<Event> events, long suppressedUntil) {
    this.events = events;
    this.suppressedUntil = suppressedUntil;
  }

  public int size() {
    return events.size();
  }

  public boolean isEmpty() {
    return events.isEmpty();
  }

  /** The rule may not fire for this key before this time (exclusive); {@link #NOT_SUPPRESSED} if none. */
  public long suppressedUntil() {
    return suppressedUntil;
  }

  void suppressUntil(long time) {
    suppressedUntil = time;
  }

  Iterable<Event> events() {
    return events;
  }

  /** The latest {@code max} events, oldest first. */
  List<Event> latest(int max) {
    int skip = Math.max(0, events.size() - max);
    List<Event> latest = new ArrayList<>(Math.min(max, events.size()));
    Iterator<Event> it = events.iterator();
    for (int i = 0; it.hasNext(); i++) {
      Event event = it.next();
      if (i >= skip) {
        latest.add(event);
      }
    }
    return latest;
  }

  WindowAccumulator[] accumulators() {
    return accumulators;
  }

  void accumulators(WindowAccumulator[] rebuilt) {
    accumulators = rebuilt;
  }

  void append(Event event) {
    events.addLast(event);
  }

  /** The oldest event, or null. */
  Event oldest() {
    return events.peekFirst();
  }

  /** The latest event, or null. */
  Event newest() {
    return events.peekLast();
  }

  Event removeOldest() {
    return events.pollFirst();
  }

  /** Equal when holding the same events and suppression (accumulators are derived). */
  @Override
  public boolean equals(Object o) {
    return o instanceof RuleWindow other && suppressedUntil == other.suppressedUntil
        && java.util.Arrays.equals(events.toArray(), other.events.toArray());
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(suppressedUntil) + java.util.Arrays.hashCode(events.toArray());
  }

  @Override
  public String toString() {
    return "RuleWindow" + events + (suppressedUntil == NOT_SUPPRESSED ? "" : " suppressed until " + suppressedUntil);
  }

  /** A copy sharing the (immutable) events; accumulators are rebuilt on demand. */
  RuleWindow copy() {
    return new RuleWindow(new ArrayDeque<>(events), suppressedUntil);
  }
}
