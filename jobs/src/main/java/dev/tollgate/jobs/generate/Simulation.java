package dev.tollgate.jobs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The clock and agenda of the generator. Activities run in event-time order; the events they emit are
 * written as they happen, so memory holds only what is scheduled, never the output.
 *
 * <p>Events before the start are simulated but not written: domains whose sequences span days begin
 * early, so the output opens on a steady state instead of an empty world. A small share of events is
 * backdated by up to {@link #MAX_JITTER_MILLIS}, as records from a real feed arrive slightly out of order.
 */
final class Simulation {
  /** Share of events that reach the output a little late. */
  static final double JITTER_SHARE = 0.02;

  /** How far behind the newest event a late one can be: well inside the engine's 5 s allowance. */
  static final long MAX_JITTER_MILLIS = 2_000;

  private record Scheduled(long at, long order, Activity activity) implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled other) {
      int byTime = Long.compare(at, other.at);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  private final PriorityQueue<Scheduled> agenda = new PriorityQueue<>();
  private final long start;
  private final long limit;
  private final JsonLinesWriter out;
  private final Rng jitter;
  private final Map<EventType, Long> writtenByType = new EnumMap<>(EventType.class);
  private long now = Long.MIN_VALUE;
  private long order;
  private long written;
  private long labeled;
  private long firstWritten = Long.MAX_VALUE;
  private long lastWritten = Long.MIN_VALUE;

  Simulation(long start, long limit, JsonLinesWriter out, Rng jitter) {
    this.start = start;
    this.limit = limit;
    this.out = out;
    this.jitter = jitter;
  }

  /** Schedules an activity; times never go back, because output is written as time advances. */
  void at(long time, Activity activity) {
    if (time < now) {
      throw new IllegalStateException("cannot schedule at " + time + ", the clock is at " + now);
    }
    agenda.add(new Scheduled(time, order++, activity));
  }

  /** Schedules a prepared event to be emitted at its own time. */
  void emitAt(Event event) {
    at(event.timestamp(), simulation -> simulation.emit(event));
  }

  /** Writes an event that happens now. */
  void emit(Event event) {
    if (event.timestamp() != now) {
      throw new IllegalStateException("an event at " + event.timestamp() + " was emitted at " + now);
    }
    if (finished() || now < start) {
      return;
    }
    if (jitter.chance(JITTER_SHARE)) {
      event.backdate(Math.max(start, now - jitter.millis(1, MAX_JITTER_MILLIS)));
    }
    try {
      out.write(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    written++;
    writtenByType.merge(event.type(), 1L, Long::sum);
    if (event.label() != null) {
      labeled++;
    }
    firstWritten = Math.min(firstWritten, event.timestamp());
    lastWritten = Math.max(lastWritten, event.timestamp());
  }

  /** Runs activities in time order until the event limit is reached or nothing is left to do. */
  void run() {
    while (!finished()) {
      Scheduled next = agenda.poll();
      if (next == null) {
        return;
      }
      now = next.at();
      next.activity().run(this);
    }
  }

  long now() {
    return now;
  }

  boolean finished() {
    return written >= limit;
  }

  long written() {
    return written;
  }

  long labeled() {
    return labeled;
  }

  Map<EventType, Long> writtenByType() {
    return writtenByType;
  }

  long firstWritten() {
    return firstWritten;
  }

  long lastWritten() {
    return lastWritten;
  }
}
