package dev.tollgate.jobs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The throughput targets of the benchmark, checked against the results that are there. Ratios, so
 * they hold on any machine:
 * <ul>
 *   <li>each one-rule case at least 0.7 of parse-only;
 *   <li>the pattern rule at least 0.9 of the same pattern hand-written with Flink CEP;
 *   <li>the shipped rule set at least 0.5 of parse-only;
 *   <li>1,000 generated rules at least 0.25 of one rule, where one rule is the geometric mean of
 *       the three one-rule cases (the generated rules mix the three kinds evenly).
 * </ul>
 */
final class Targets {
  private Targets() {}

  /**
   * One target: {@code actual = case / baseline} in events per second against {@code required};
   * {@code perCpu} is the same ratio in events per CPU-second, for a machine shared with other work.
   */
  record Target(String description, String caseName, String baseline, double actual, double perCpu, double required) {
    boolean met() {
      return actual >= required;
    }
  }

  static List<Target> check(Map<String, CaseResult> results) {
    List<Target> targets = new ArrayList<>();
    for (String rule : List.of(Cases.SINGLE_EVENT, Cases.WINDOWED, Cases.PATTERN)) {
      ratio(targets, results, "one rule of each kind ≥ 0.7 × parse-only", rule, Cases.PARSE_ONLY, 0.7);
    }
    ratio(targets, results, "pattern rule ≥ 0.9 × hand-written Flink CEP", Cases.PATTERN, Cases.HAND_WRITTEN_CEP, 0.9);
    ratio(targets, results, "shipped rule set ≥ 0.5 × parse-only", Cases.SHIPPED, Cases.PARSE_ONLY, 0.5);
    CaseResult thousand = results.get(Cases.RULES_PREFIX + 1000);
    Double oneRule = oneRule(results);
    if (thousand != null && oneRule != null) {
      targets.add(new Target("1,000 rules ≥ 0.25 × one rule", thousand.name(), "one rule (geometric mean of the three)",
          thousand.medianEventsPerSecond() / oneRule, thousand.medianEventsPerCpuSecond() / oneRulePerCpu(results), 0.25));
    }
    return targets;
  }

  private static void ratio(List<Target> targets, Map<String, CaseResult> results, String description, String name,
      String baseline, double required) {
    CaseResult measured = results.get(name);
    CaseResult base = results.get(baseline);
    if (measured != null && base != null) {
      targets.add(new Target(description, name, baseline,
          measured.medianEventsPerSecond() / base.medianEventsPerSecond(),
          measured.medianEventsPerCpuSecond() / base.medianEventsPerCpuSecond(), required));
    }
  }

  private static Double oneRule(Map<String, CaseResult> results) {
    return geometricMean(results, CaseResult::medianEventsPerSecond);
  }

  private static double oneRulePerCpu(Map<String, CaseResult> results) {
    return geometricMean(results, CaseResult::medianEventsPerCpuSecond);
  }

  private static Double geometricMean(Map<String, CaseResult> results, ToDoubleFunction<CaseResult> figure) {
    double product = 1;
    for (String rule : List.of(Cases.SINGLE_EVENT, Cases.WINDOWED, Cases.PATTERN)) {
      CaseResult result = results.get(rule);
      if (result == null) {
        return null;
      }
      product *= figure.applyAsDouble(result);
    }
    return Math.cbrt(product);
  }
}
