package dev.tollgate.dsl.plan;

import java.io.Serializable;

/**
 * A compiled rule.
 *
 * @param version a stable hash of the rule's compiled form (body, key, suppression, template,
 *     severity, category, mode): the same text compiles to the same version on any machine, and
 *     any change to what the rule does changes it
 * @param suppressMillis after firing for a key, no new alert for that key for this long in event
 *     time
 * @param location {@code file:line} of the declaration, for messages
 */
public record RulePlan(
    String id,
    String version,
    RuleMetadata metadata,
    KeyPlan key,
    RuleBody body,
    TemplatePlan alert,
    long suppressMillis,
    String location)
    implements Serializable {}
