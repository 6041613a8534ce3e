package dev.tollgate.engine.event;

import java.util.List;

/**
 * The order in which keyed rule operators apply a key's buffered events: by {@code (ts, id)}, so
 * that results do not depend on the order in which parallel readers (topic partitions, file
 * stripes) delivered events with the same timestamp.
 */
public final class EventOrder {
  private EventOrder() {}

  /**
   * Adds {@code event} to {@code sorted}, kept in {@code (ts, id)} order (ties keep arrival order).
   * Events mostly arrive in time order, so the place is searched from the end.
   */
  public static void insert(List<Event> sorted, Event event) {
    int at = sorted.size();
    while (at > 0 && compare(sorted.get(at - 1), event) > 0) {
      at--;
    }
    sorted.add(at, event);
  }

  /** How many of {@code sorted} (null for none) have a timestamp at or before {@code time}. */
  public static int countAtOrBefore(List<Event> sorted, long time) {
    if (sorted == null) {
      return 0;
    }
    int count = 0;
    while (count < sorted.size() && sorted.get(count).ts() <= time) {
      count++;
    }
    return count;
  }

  static int compare(Event a, Event b) {
    int byTime = Long.compare(a.ts(), b.ts());
    return byTime != 0 ? byTime : compareIds(a.id(), b.id());
  }

  private static int compareIds(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }
}
