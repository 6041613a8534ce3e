package dev.tollgate.engine.window;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.rules.RuleKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a rule set's enabled windowed rules by key fields: each group runs in one keyed
 * {@link WindowedRulesFunction}. Groups come in order of first appearance, so the job graph (and
 * operator uids derived from it) is stable for a given rule set.
 */
public final class WindowedRuleGroups {
  private WindowedRuleGroups() {}

  /** Rules sharing key fields, with the key selector and the function that runs them. */
  public record Group(List<String> keyFields, List<RulePlan> rules) {
    public Group {
      keyFields = List.copyOf(keyFields);
      rules = List.copyOf(rules);
    }

    public RuleKeys keys() {
      return RuleKeys.forRules(rules);
    }

    public WindowedRulesFunction function(EventCatalog catalog) {
      return new WindowedRulesFunction(rules, catalog);
    }

    /** A readable, stable operator name/uid suffix: {@code windowed[accountId,country]}. */
    public String name() {
      return "windowed" + keyFields;
    }
  }

  public static List<Group> of(List<RulePlan> rules) {
    Map<List<String>, List<RulePlan>> byKey = new LinkedHashMap<>();
    for (RulePlan rule : rules) {
      if (rule.body() instanceof RuleBody.Windowed && rule.metadata().mode() != Mode.DISABLED) {
        byKey.computeIfAbsent(rule.key().fields(), k -> new ArrayList<>()).add(rule);
      }
    }
    List<Group> groups = new ArrayList<>();
    byKey.forEach((fields, grouped) -> groups.add(new Group(fields, grouped)));
    return groups;
  }
}
