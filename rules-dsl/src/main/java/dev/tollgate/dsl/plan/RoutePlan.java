package dev.tollgate.dsl.plan;

import java.io.Serializable;

/**
 * A compiled route: which alerts it takes and where it delivers them. Only active alerts are
 * offered to routes; shadow alerts never reach one.
 *
 * @param version a stable hash of the condition and destination (not of the secret, which is
 *     read from the environment where the job runs)
 * @param location {@code file:line} of the declaration
 */
public record RoutePlan(String name, String version, RouteCondition condition, RouteDestination destination,
    String location) implements Serializable {}
