package dev.tollgate.jobs.runtime;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which part of a rule set a job runs: rules, aggregates or both ({@code rules.run}), narrowed by
 * id patterns ({@code rules.include}, then {@code rules.exclude}) where {@code *} matches any
 * characters: {@code shipment.*}. The event catalog is always kept whole, so event type ids and
 * the wire format do not depend on the selection. Applied once on the client, never per event.
 */
public record RuleSelection(Blocks run, List<String> include, List<String> exclude) {
  /** The kinds of blocks a job runs. */
  public enum Blocks {
    RULES, AGGREGATES, ALL;

    public String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }

    boolean rules() {
      return this != AGGREGATES;
    }

    boolean aggregates() {
      return this != RULES;
    }
  }

  public RuleSelection {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** Everything: every rule and aggregate. */
  public static RuleSelection all() {
    return new RuleSelection(Blocks.ALL, List.of("*"), List.of());
  }

  /**
   * The selected rules and aggregates of {@code plan} with all its routes (routes apply to whatever
   * alerts the selection raises); tests are dropped.
   */
  public RuleSetPlan apply(RuleSetPlan plan) {
    List<Pattern> included = compile(include);
    List<Pattern> excluded = compile(exclude);
    List<RulePlan> rules = new ArrayList<>();
    if (run.rules()) {
      for (RulePlan rule : plan.rules()) {
        if (selects(rule.id(), included, excluded)) {
          rules.add(rule);
        }
      }
    }
    List<AggregatePlan> aggregates = new ArrayList<>();
    if (run.aggregates()) {
      for (AggregatePlan aggregate : plan.aggregates()) {
        if (selects(aggregate.id(), included, excluded)) {
          aggregates.add(aggregate);
        }
      }
    }
    return new RuleSetPlan(plan.eventTypes(), rules, aggregates, List.of(), plan.routes());
  }

  /** {@code rules.run=rules, rules.include=[shipment.*], rules.exclude=[]}, for messages. */
  public String describe() {
    return "rules.run=" + run.keyword() + ", rules.include=" + include + ", rules.exclude=" + exclude;
  }

  private static boolean selects(String id, List<Pattern> included, List<Pattern> excluded) {
    return matchesAny(id, included) && !matchesAny(id, excluded);
  }

  private static boolean matchesAny(String id, List<Pattern> patterns) {
    for (Pattern pattern : patterns) {
      if (pattern.matcher(id).matches()) {
        return true;
      }
    }
    return false;
  }

  private static List<Pattern> compile(List<String> globs) {
    List<Pattern> patterns = new ArrayList<>();
    for (String glob : globs) {
      List<String> literals = new ArrayList<>();
      for (String literal : glob.split("\\*", -1)) {
        literals.add(Pattern.quote(literal));
      }
      patterns.add(Pattern.compile(String.join(".*", literals)));
    }
    return patterns;
  }
}
