package dev.tollgate.dsl.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.RuleSelection.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Selecting parts of the repository's rule set, as the demand and shipment jobs do. */
class RuleSelectionTest {
  private static final Path RULES = Path.of(System.getProperty("tollgate.rules", "../rules"));
  private static RuleSetPlan plan;

  @BeforeAll
  static void compileRepositoryRules() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(RULES), "no rules/ directory");
    Compilation compilation = new RuleSetCompiler().compile(List.of(RULES), Map.of());
    plan = compilation.plan();
    assertThat(plan).isNotNull();
  }

  @Test
  void aggregatesOnlyKeepsEveryAggregateAndNoRule() {
    RuleSetPlan selected = RuleSelection.all().kinds(Kind.AGGREGATE).apply(plan);

    assertThat(selected.rules()).isEmpty();
    assertThat(selected.aggregates()).isEqualTo(plan.aggregates());
    assertThat(selected.eventTypes()).isEqualTo(plan.eventTypes());
    assertThat(selected.tests()).isNotEmpty().allSatisfy(test -> assertThat(test.aggregate()).isNotNull());
  }

  @Test
  void shipmentPackSelectsTheRulesDeclaredUnderItsDirectory() {
    RuleSetPlan selected = RuleSelection.parse("pack=shipment").apply(plan);

    assertThat(selected.rules()).extracting(RulePlan::id)
        .contains("shipment.stalled_after_dispatch", "shipment.eta_missed", "shipment.impossible_movement")
        .allSatisfy(id -> assertThat(id).startsWith("shipment."));
    assertThat(selected.rules()).allSatisfy(rule -> assertThat(rule.location()).contains("shipment"));
    assertThat(selected.aggregates()).isEmpty();
    assertThat(selected.tests()).allSatisfy(test -> assertThat(test.targetId()).startsWith("shipment."));
  }

  @Test
  void criteriaCombineWithAndWhileValuesOfOneCriterionCombineWithOr() {
    RuleSelection patternsOfTwoPacks = RuleSelection.parse("pack=shipment,fraud kind=pattern");

    List<RulePlan> selected = patternsOfTwoPacks.apply(plan).rules();

    assertThat(selected).isNotEmpty().allSatisfy(rule -> {
      assertThat(Kind.of(rule)).isEqualTo(Kind.PATTERN);
      assertThat(rule.id()).matches("(shipment|fraud)\\..*");
    });
    assertThat(selected).extracting(RulePlan::id).contains("fraud.card_testing", "shipment.stalled_after_dispatch")
        .doesNotContain("shipment.repeated_exceptions");
  }

  @Test
  void categoryTagAndIdSelectAcrossPacks() {
    assertThat(RuleSelection.all().categories("contraband").apply(plan).aggregates()).extracting(AggregatePlan::id)
        .containsExactly("demand.restricted_category_hourly");
    assertThat(RuleSelection.all().tags("customs").apply(plan).rules()).extracting(RulePlan::id)
        .contains("shipment.long_customs_hold");
    assertThat(RuleSelection.all().ids("aml.struct*").apply(plan).rules()).extracting(RulePlan::id)
        .containsExactly("aml.structuring");
  }

  @Test
  void aSelectionThatSelectsNothingIsAnError() {
    assertThatThrownBy(() -> RuleSelection.parse("pack=nosuchpack").apply(plan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'pack=nosuchpack' selects no rule or aggregate");
  }

  @Test
  void textFormRoundTripsAndBadTermsAreNamed() {
    RuleSelection selection = RuleSelection.all().packs("shipment").kinds(Kind.WINDOWED, Kind.PATTERN);

    assertThat(selection).hasToString("pack=shipment kind=pattern,windowed");
    assertThat(RuleSelection.parse(selection.toString())).isEqualTo(selection);
    assertThat(RuleSelection.parse("  ")).isEqualTo(RuleSelection.all());
    assertThatThrownBy(() -> RuleSelection.parse("colour=red")).hasMessageContaining("unknown selection criterion 'colour'");
    assertThatThrownBy(() -> RuleSelection.parse("kind=batch")).hasMessageContaining("unknown kind 'batch'");
    assertThatThrownBy(() -> RuleSelection.parse("pack")).hasMessageContaining("'pack' is not name=value");
    assertThatThrownBy(() -> RuleSelection.parse("pack=a pack=b")).hasMessageContaining("names pack twice");
  }

  @Test
  void packsAreTheDirectoriesOfTheDeclaringFile() {
    assertThat(RuleSelection.directories("rules/shipment/stalled.rule:12")).containsExactly("rules", "shipment");
    assertThat(RuleSelection.directories("/srv/rules/shipment/eu/x.rule:3")).containsExactly("srv", "rules", "shipment", "eu");
    assertThat(RuleSelection.directories("C:\\rules\\aml\\x.rule:3")).containsExactly("C:", "rules", "aml");
    assertThat(RuleSelection.directories("x.rule:3")).isEmpty();
  }
}
