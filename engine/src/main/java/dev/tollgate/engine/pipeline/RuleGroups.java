package dev.tollgate.engine.pipeline;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a rule set's enabled rules of one kind by their key fields. Each group runs in one keyed
 * operator, so a thousand rules keyed by {@code accountId} cost one key partitioning, not a
 * thousand. Groups come in order of first appearance and are named by their key fields, so
 * operator uids stay the same when rules with other keys are added or removed.
 */
public final class RuleGroups {
  private RuleGroups() {}

  /** Enabled rules of one body kind that share key fields. */
  public record Group(List<String> keyFields, List<RulePlan> rules) {
    public Group {
      keyFields = List.copyOf(keyFields);
      rules = List.copyOf(rules);
    }

    /** {@code accountId} or {@code buyerId,destinationCountry}: the stable part of operator uids. */
    public String signature() {
      return String.join(",", keyFields);
    }
  }

  public static List<Group> of(List<RulePlan> rules, Class<? extends RuleBody> kind) {
    Map<List<String>, List<RulePlan>> byKey = new LinkedHashMap<>();
    for (RulePlan rule : rules) {
      if (kind.isInstance(rule.body()) && rule.metadata().mode() != Mode.DISABLED) {
        byKey.computeIfAbsent(rule.key().fields(), k -> new ArrayList<>()).add(rule);
      }
    }
    List<Group> groups = new ArrayList<>();
    byKey.forEach((fields, grouped) -> groups.add(new Group(fields, grouped)));
    return groups;
  }

  /** Enabled rules of one kind, in rule-set order. */
  public static List<RulePlan> enabled(List<RulePlan> rules, Class<? extends RuleBody> kind) {
    List<RulePlan> matching = new ArrayList<>();
    for (RulePlan rule : rules) {
      if (kind.isInstance(rule.body()) && rule.metadata().mode() != Mode.DISABLED) {
        matching.add(rule);
      }
    }
    return matching;
  }
}
