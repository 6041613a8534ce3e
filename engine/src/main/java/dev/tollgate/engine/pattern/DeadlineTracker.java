package dev.tollgate.engine.pattern;

import dev.tollgate.engine.event.Event;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;

/**
 * {@code then not ... deadline <expr>}: the part Flink CEP cannot express. When the steps before
 * the absence complete, the rule's runner computes the deadline from the matched events and arms
 * this tracker; an event of the absent step that arrives before the deadline (and after the prefix
 * completed) cancels; once the watermark reaches the deadline the absence fires, with the deadline
 * as its event time.
 *
 * <p>State: one keyed map, deadline → the step events of every prefix waiting for it (events by
 * step index), emptied as deadlines fire or are cancelled.
 */
final class DeadlineTracker {
  private final PatternRule rule;
  private final MapState<Long, List<List<List<Event>>>> pending;
  private final MatchEvalContext evalContext;

  DeadlineTracker(PatternRule rule, KeyedStateStore store, TypeSerializer<Event> eventSerializer) {
    this.rule = rule;
    TypeSerializer<List<List<List<Event>>>> prefixes =
        new ListSerializer<>(new ListSerializer<>(new ListSerializer<>(eventSerializer)));
    this.pending =
        store.getMapState(new MapStateDescriptor<>("pending-deadlines", LongSerializer.INSTANCE, prefixes));
    this.evalContext = new MatchEvalContext(rule.plan.key(), rule.stepCount());
  }

  /**
   * The deadline of a completed prefix, or null if the expression yields null (null never
   * matches, so such a prefix never fires).
   */
  Long deadlineOf(List<List<Event>> steps, Event last) {
    Object value = rule.deadline.evaluate(evalContext.reset(last, steps::get));
    return value == null ? null : ((Number) value).longValue();
  }

  /** Starts waiting for {@code deadline} on behalf of a completed prefix. */
  void arm(long deadline, List<List<Event>> steps) throws Exception {
    List<List<List<Event>>> waiting = pending.get(deadline);
    if (waiting == null) {
      waiting = new ArrayList<>();
    }
    waiting.add(steps);
    pending.put(deadline, waiting);
  }

  /** Cancels every waiting prefix that {@code event} breaks: the absent event came in time. */
  void onEvent(Event event) throws Exception {
    if (event.typeId() != rule.absentType || pending.isEmpty()) {
      return;
    }
    Iterator<Map.Entry<Long, List<List<List<Event>>>>> entries = pending.iterator();
    List<Map.Entry<Long, List<List<List<Event>>>>> changed = new ArrayList<>();
    while (entries.hasNext()) {
      Map.Entry<Long, List<List<List<Event>>>> entry = entries.next();
      if (event.ts() >= entry.getKey()) {
        continue;
      }
      List<List<List<Event>>> kept = new ArrayList<>();
      for (List<List<Event>> steps : entry.getValue()) {
        if (!breaks(event, steps)) {
          kept.add(steps);
        }
      }
      if (kept.size() != entry.getValue().size()) {
        changed.add(Map.entry(entry.getKey(), kept));
      }
    }
    for (Map.Entry<Long, List<List<List<Event>>>> entry : changed) {
      if (entry.getValue().isEmpty()) {
        pending.remove(entry.getKey());
      } else {
        pending.put(entry.getKey(), entry.getValue());
      }
    }
  }

  /** Removes and returns, in deadline order, every prefix whose deadline is at or before {@code time}. */
  List<RuleMatch> takeDue(long time) throws Exception {
    if (pending.isEmpty()) {
      return List.of();
    }
    List<Long> due = new ArrayList<>();
    for (Long deadline : pending.keys()) {
      if (deadline <= time) {
        due.add(deadline);
      }
    }
    due.sort(null);
    List<RuleMatch> matches = new ArrayList<>();
    for (Long deadline : due) {
      for (List<List<Event>> steps : pending.get(deadline)) {
        matches.add(new RuleMatch(rule, steps, deadline));
      }
      pending.remove(deadline);
    }
    return matches;
  }

  /** The earliest deadline the current key waits for, or null if none. */
  Long earliestDeadline() throws Exception {
    Long earliest = null;
    for (Long deadline : pending.keys()) {
      if (earliest == null || deadline < earliest) {
        earliest = deadline;
      }
    }
    return earliest;
  }

  private boolean breaks(Event event, List<List<Event>> steps) {
    return rule.absentCondition.test(evalContext.reset(event, steps::get));
  }
}
