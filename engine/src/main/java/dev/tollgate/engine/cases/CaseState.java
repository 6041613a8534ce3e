package dev.tollgate.engine.cases;

import dev.tollgate.dsl.plan.Severity;

/**
 * An open case, in keyed state (a Flink POJO).
 *
 * @param sequence the sequence number of the case's latest event
 */
public record CaseState(
    String caseId,
    String category,
    String keyJson,
    long openedAt,
    long lastAlertAt,
    Severity severity,
    int alertCount,
    int sequence) {}
