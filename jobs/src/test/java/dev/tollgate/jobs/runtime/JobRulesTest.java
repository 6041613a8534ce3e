package dev.tollgate.jobs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.RoutePlan;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.jobs.config.ConfigException;
import dev.tollgate.jobs.config.ConfigValues;
import dev.tollgate.jobs.config.JobSettings;
import dev.tollgate.jobs.config.SettingsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRulesTest {
  private static final String RULES = Path.of("../rules").toAbsolutePath().normalize().toString();

  private static RuleSetPlan shipped;

  @TempDir Path dir;

  @BeforeAll
  static void compileTheShippedRules() {
    Compilation compilation = new RuleSetCompiler().compile(List.of(Path.of(RULES)), Map.of());
    assertThat(compilation.succeeded()).isTrue();
    shipped = compilation.plan();
  }

  @Test
  void theShipmentJobRunsTheShipmentPackOnly() {
    RuleSetPlan plan = load(JobProfile.SHIPMENT);

    assertThat(plan.rules()).isNotEmpty().allSatisfy(rule -> assertThat(rule.id()).startsWith("shipment."));
    assertThat(plan.aggregates()).isEmpty();
    assertThat(plan.eventTypes()).as("the whole catalog").hasSize(6);
  }

  @Test
  void theDemandJobRunsEveryAggregateAndNoRule() {
    RuleSetPlan plan = load(JobProfile.DEMAND);

    assertThat(plan.rules()).isEmpty();
    assertThat(plan.aggregates()).extracting(AggregatePlan::id).contains("demand.hourly_by_sku", "demand.sku_hourly_spike");
  }

  @Test
  void excludeNarrowsWhatIncludeSelected() {
    RuleSetPlan plan = load(JobProfile.RISK, "--set", "rules.include=aml.*,fraud.card_*", "--set", "rules.exclude=aml.fan_*");

    assertThat(plan.rules()).extracting(RulePlan::id).contains("aml.structuring", "fraud.card_testing")
        .doesNotContain("aml.fan_in", "aml.fan_out", "fraud.impossible_travel", "shipment.eta_missed");
  }

  @Test
  void aTypedTopicMustNameAnEventTypeOfTheRuleSet() {
    assertThatThrownBy(() -> load(JobProfile.RISK, "--set", "topics.typed.Shipment=scans"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics.typed.Shipment (topic scans): the rule set has no event type Shipment; it has ")
        .hasMessageContaining("ShipmentScan");
  }

  @Test
  void aSelectionThatRunsNothingIsAnError() {
    assertThatThrownBy(() -> load(JobProfile.RISK, "--set", "rules.include=nothing.*"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the selection rules.run=rules, rules.include=[nothing.*], rules.exclude=[] runs no enabled rule");
  }

  @Test
  void aRuleSetWithErrorsStopsTheJobWithEveryFinding() throws Exception {
    Path broken = dir.resolve("broken.rule");
    Files.writeString(broken, "rule a.b {\n  on Nope\n}\n");

    assertThatThrownBy(() -> JobLauncher.prepare(JobProfile.RISK, "--set", "kafka.bootstrap-servers=b:9092",
        "--set", "rules.path=" + broken))
        .isInstanceOf(JobRules.RuleSetException.class)
        .hasMessageContaining("error(s); the job was not started")
        .hasMessageContaining("broken.rule:2:");
  }

  @Test
  void theSelectionKeepsTheRoutesOfTheRuleSet() throws Exception {
    JobLauncher job = JobLauncher.prepare(JobProfile.SHIPMENT, "--set", "kafka.bootstrap-servers=b:9092",
        "--set", "rules.path=" + RULES + "," + routes("cases.shipments"));

    assertThat(job.plan().routes()).extracting(RoutePlan::name).containsExactly("desk");
  }

  @Test
  void aKafkaRouteMayNotWriteToAnInputTopic() throws Exception {
    Path routes = routes("tollgate-events");

    assertThatThrownBy(() -> JobLauncher.prepare(JobProfile.RISK, "--set", "kafka.bootstrap-servers=b:9092",
        "--set", "rules.path=" + RULES + "," + routes))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("route desk: topic tollgate-events is an input of the job");
  }

  private Path routes(String topic) throws Exception {
    Path routes = dir.resolve("routes.rule");
    Files.writeString(routes, "route desk {\n  when category == \"shipment\"\n  to kafka \"" + topic + "\"\n}\n");
    return routes;
  }

  @Test
  void aMissingRulePathIsAConfigError() {
    assertThatThrownBy(() -> JobLauncher.prepare(JobProfile.RISK, "--set", "kafka.bootstrap-servers=b:9092",
        "--set", "rules.path=" + dir.resolve("nowhere")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nowhere does not exist");
  }

  /** The shipped rules as selected and checked for a job with these overrides. */
  private static RuleSetPlan load(JobProfile profile, String... overrides) {
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put("kafka.bootstrap-servers", "b:9092");
    sets.put("rules.path", RULES);
    for (int i = 1; i < overrides.length; i += 2) {
      String[] keyValue = overrides[i].split("=", 2);
      sets.put(keyValue[0], keyValue[1]);
    }
    JobSettings settings = SettingsReader.read(profile.layer(null, ConfigValues.of(sets, "--set")));
    return JobRules.select(settings, shipped);
  }
}
