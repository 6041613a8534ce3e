package dev.tollgate.engine.pattern;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.engine.event.Event;
import java.util.List;
import java.util.Map;

/** An alert raised by a pattern rule. */
public record PatternAlert(
    String alertId,
    String ruleId,
    String ruleVersion,
    Severity severity,
    String category,
    Mode mode,
    Map<String, Object> key,
    String message,
    long eventTime,
    List<Event> events,
    List<String> tags) {}
