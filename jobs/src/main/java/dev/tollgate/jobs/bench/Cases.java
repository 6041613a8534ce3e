package dev.tollgate.jobs.bench;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's cases, in the order they run: the parse-only ceiling, one rule of each kind, the
 * hand-written Flink CEP job, the shipped rule set, generated rule sets of growing size, and the
 * card rules over growing numbers of distinct keys on RocksDB.
 */
final class Cases {
  static final String PARSE_ONLY = "parse-only";
  static final String SINGLE_EVENT = "rule-single-event";
  static final String WINDOWED = "rule-windowed";
  static final String PATTERN = "rule-pattern";
  static final String HAND_WRITTEN_CEP = "cep-handwritten";
  static final String SHIPPED = "shipped-rules";
  static final String RULES_PREFIX = "rules-";
  static final String KEYS_PREFIX = "keys-";

  /** The shipped rules the one-rule cases run, one of each kind, all on Payment. */
  static final String SINGLE_EVENT_RULE = "fraud.ip_merchant_country_mismatch";
  static final String WINDOWED_RULE = "fraud.card_velocity";
  static final String PATTERN_RULE = "fraud.card_testing";

  private Cases() {}

  /**
   * @param shipped the compiled shipped rule set
   * @param schema the event catalog's directory, for compiling generated rules
   * @param workDirectory where generated rule files are written
   */
  static List<BenchCase> all(RuleSetPlan shipped, Path schema, Path workDirectory, List<Integer> ruleCounts,
      List<Long> keyCounts) throws IOException {
    BenchCase.Traffic traffic = new BenchCase.Traffic();
    List<BenchCase> cases = new ArrayList<>();
    cases.add(rules(PARSE_ONLY, "read JSON lines, decode into events, discard (the ceiling)", traffic, only(shipped, Set.of())));
    cases.add(rules(SINGLE_EVENT, "one single-event rule (" + SINGLE_EVENT_RULE + ")", traffic, only(shipped, Set.of(SINGLE_EVENT_RULE))));
    cases.add(rules(WINDOWED, "one windowed aggregate rule (" + WINDOWED_RULE + ")", traffic, only(shipped, Set.of(WINDOWED_RULE))));
    cases.add(rules(PATTERN, "one pattern rule (" + PATTERN_RULE + ")", traffic, only(shipped, Set.of(PATTERN_RULE))));
    cases.add(new BenchCase(HAND_WRITTEN_CEP, "card testing written directly with Flink CEP over Jackson POJOs", traffic, false,
        lines -> CardTestingCep.attach(lines).sinkTo(new CountingSink<>(RunClock.Output.ALERTS)).name("discard matches")));
    cases.add(rules(SHIPPED, "the shipped rule set: " + shipped.rules().size() + " rules, " + shipped.aggregates().size()
        + " aggregates", traffic, shipped));
    for (int count : ruleCounts) {
      cases.add(rules(RULES_PREFIX + count, count + " generated rules of mixed kinds", traffic,
          generated(count, schema, workDirectory)));
    }
    RuleSetPlan cardRules = only(shipped, Set.of(WINDOWED_RULE, PATTERN_RULE));
    for (long keys : keyCounts) {
      cases.add(new BenchCase(KEYS_PREFIX + keys, String.format("%s and %s over %,d distinct cards, RocksDB", WINDOWED_RULE,
          PATTERN_RULE, keys), new BenchCase.Cards(keys), true, lines -> RuleJob.attach(lines, cardRules)));
    }
    return cases;
  }

  private static BenchCase rules(String name, String description, BenchCase.InputKind input, RuleSetPlan plan) {
    return new BenchCase(name, description, input, false, lines -> RuleJob.attach(lines, plan));
  }

  /** The shipped event catalog with only the named rules and no aggregates. */
  static RuleSetPlan only(RuleSetPlan shipped, Set<String> ruleIds) {
    List<RulePlan> rules = new ArrayList<>();
    for (RulePlan rule : shipped.rules()) {
      if (ruleIds.contains(rule.id())) {
        rules.add(rule);
      }
    }
    if (rules.size() != ruleIds.size()) {
      throw new IllegalStateException("the shipped rule set lacks some of " + ruleIds);
    }
    return new RuleSetPlan(shipped.eventTypes(), rules, List.of(), List.of());
  }

  private static RuleSetPlan generated(int count, Path schema, Path workDirectory) throws IOException {
    Path file = workDirectory.resolve("generated-" + count + ".rule");
    Files.createDirectories(workDirectory);
    Files.writeString(file, GeneratedRules.text(count), StandardCharsets.UTF_8);
    Compilation compilation = new RuleSetCompiler().compile(List.of(schema, file), Map.of());
    if (compilation.plan() == null) {
      throw new IllegalStateException("generated rules in " + file + " do not compile: " + compilation.diagnostics().sorted());
    }
    return compilation.plan();
  }
}
