package dev.tollgate.engine.event;

/**
 * The order in which keyed rule operators apply buffered events: by {@code (ts, id)}, so that
 * results do not depend on the order in which parallel readers (topic partitions, file stripes)
 * delivered events with the same timestamp. {@link EventTimeBuffer} keeps its events in it.
 */
public final class EventOrder {
  private EventOrder() {}

  /** Compares by {@code ts}, then by id (a null id first). */
  public static int compare(Event a, Event b) {
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
