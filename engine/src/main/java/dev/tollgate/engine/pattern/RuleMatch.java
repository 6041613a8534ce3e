package dev.tollgate.engine.pattern;

import dev.tollgate.engine.event.Event;
import java.util.List;

/**
 * One firing of a pattern rule for the current key, before it becomes an alert.
 *
 * @param steps the matched events by step index (empty for absence steps)
 * @param eventTime the ts of the event that completed the match, or the deadline of an absence
 */
record RuleMatch(PatternRule rule, List<List<Event>> steps, long eventTime) {}
