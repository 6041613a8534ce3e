package dev.tollgate.engine.route.webhook;

/**
 * An alert a webhook route could not deliver: every attempt failed, or the endpoint refused it. A
 * Flink POJO (a record of simple fields).
 *
 * @param attempts how many requests were made
 * @param status the HTTP status of the last response, or 0 if there was none (timeout, connection
 *     error)
 * @param error what went wrong the last time, for an operator to read
 * @param failedAt wall-clock epoch milliseconds of the decision
 * @param body the request body: the routed alert's JSON, ready to be sent again
 */
public record DeadLetter(String route, String url, String alertId, String caseId, int attempts, int status,
    String error, long failedAt, String body) {}
