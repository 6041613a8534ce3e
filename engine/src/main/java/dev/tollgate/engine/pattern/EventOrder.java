package dev.tollgate.engine.pattern;

import dev.tollgate.engine.event.Event;
import java.util.List;

/**
 * The order in which the pattern operator feeds events of one key and timestamp to its rules: by
 * event id, as the windowed rules apply them, so that matches do not depend on the order in which
 * parallel readers (topic partitions, file splits) delivered events with the same timestamp.
 */
final class EventOrder {
  private EventOrder() {}

  /** Adds {@code event} to {@code sameTimestamp}, kept sorted by id (ties keep arrival order). */
  static void insert(List<Event> sameTimestamp, Event event) {
    int at = sameTimestamp.size();
    while (at > 0 && compareIds(sameTimestamp.get(at - 1).id(), event.id()) > 0) {
      at--;
    }
    sameTimestamp.add(at, event);
  }

  private static int compareIds(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }
}
