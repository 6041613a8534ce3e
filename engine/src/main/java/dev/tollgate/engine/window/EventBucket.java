package dev.tollgate.engine.window;

import dev.tollgate.engine.event.Event;
import java.util.Arrays;

/**
 * The events of one rule's window for one key that share a timestamp, in the order they were
 * applied, linked to the neighbouring timestamps so the window can be walked both ways with point
 * lookups: forwards from the oldest when events expire, backwards from the newest for an alert's
 * evidence. Immutable: a change stores a new bucket.
 *
 * @param previous the next older timestamp in the window, or {@link #NONE}; may name a bucket
 *     already expired, so walks backwards stop after the window's size
 * @param next the next newer timestamp in the window, or {@link #NONE}
 */
public record EventBucket(long previous, long next, Event[] events) {
  /** No neighbouring timestamp. */
  public static final long NONE = Long.MIN_VALUE;

  static EventBucket first(long previous, Event event) {
    return new EventBucket(previous, NONE, new Event[] {event});
  }

  EventBucket plus(Event event) {
    Event[] more = Arrays.copyOf(events, events.length + 1);
    more[events.length] = event;
    return new EventBucket(previous, next, more);
  }

  EventBucket withNext(long time) {
    return new EventBucket(previous, time, events);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventBucket other && previous == other.previous && next == other.next
        && Arrays.equals(events, other.events);
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(previous) * 31 + Long.hashCode(next)) * 31 + Arrays.hashCode(events);
  }

  @Override
  public String toString() {
    return "EventBucket" + Arrays.toString(events) + " previous " + previous + " next " + next;
  }
}
