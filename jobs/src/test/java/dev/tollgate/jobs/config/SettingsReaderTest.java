package dev.tollgate.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.jobs.runtime.JobProfile;
import dev.tollgate.jobs.runtime.RuleSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsReaderTest {
  @TempDir Path dir;

  @Test
  void readsNestedAndFlatYamlAlike() throws Exception {
    JobSettings nested = read(JobProfile.RISK, yaml("nested.yaml",
        "kafka:",
        "  bootstrap-servers: broker:9092",
        "  properties:",
        "    security.protocol: SASL_SSL",
        "rules:",
        "  path: /rules",
        "event-time:",
        "  out-of-orderness: 30 s",
        "  aggregate-lateness: 10 min"));
    JobSettings flat = read(JobProfile.RISK, yaml("flat.yaml",
        "kafka.bootstrap-servers: broker:9092",
        "kafka.properties.security.protocol: SASL_SSL",
        "rules.path: /rules",
        "event-time.out-of-orderness: 30 s",
        "event-time.aggregate-lateness: 10 min"));

    assertThat(flat).isEqualTo(nested);
    assertThat(nested.kafka().properties()).containsExactly(Map.entry("security.protocol", "SASL_SSL"));
    assertThat(nested.outOfOrderness()).isEqualTo(Duration.ofSeconds(30));
    assertThat(nested.aggregateLateness()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void appliesTheJobsDefaults() throws Exception {
    JobSettings settings = read(JobProfile.RISK, minimal());

    assertThat(settings.jobName()).isEqualTo("tollgate-risk");
    assertThat(settings.kafka().groupId()).isEqualTo("tollgate-risk");
    assertThat(settings.kafka().startingOffsets()).isEqualTo(JobSettings.StartingOffsets.COMMITTED);
    assertThat(settings.topics().mixed()).containsExactly("tollgate-events");
    assertThat(settings.topics().alerts()).isEqualTo("tollgate-alerts");
    assertThat(settings.topics().rejected()).isEqualTo("tollgate-rejected");
    assertThat(settings.topics().aggregates()).as("the risk job runs no aggregates").isNull();
    assertThat(settings.topics().shadow()).isEqualTo("tollgate-shadow-alerts");
    assertThat(settings.topics().cases()).isEqualTo("tollgate-cases");
    assertThat(settings.topics().webhookDeadLetters()).isEqualTo("tollgate-webhook-dead-letters");
    assertThat(settings.caseSpan()).isEqualTo(Duration.ofDays(7));
    assertThat(settings.outOfOrderness()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.idleness()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.aggregateLateness()).isZero();
    assertThat(settings.parallelism()).isEmpty();
    assertThat(settings.delivery()).isEqualTo(new JobSettings.Delivery(
        JobSettings.DeliveryMode.EXACTLY_ONCE, Duration.ofMinutes(10), "tollgate-risk"));
    assertThat(settings.checkpoints()).isEqualTo(new JobSettings.Checkpoints(null, Duration.ofSeconds(10)));
    assertThat(settings.flink()).containsEntry("state.backend.type", "rocksdb");
    assertThat(settings.rules().selection())
        .isEqualTo(new RuleSelection(RuleSelection.Blocks.RULES, List.of("*"), List.of()));
  }

  @Test
  void eachJobHasItsOwnInputsAndSelection() throws Exception {
    JobSettings demand = read(JobProfile.DEMAND, minimal());
    JobSettings shipment = read(JobProfile.SHIPMENT, minimal());

    assertThat(demand.topics().typeByTopic()).containsExactly(Map.entry("tollgate-orders", "Order"));
    assertThat(demand.topics().aggregates()).isEqualTo("tollgate-demand");
    assertThat(demand.rules().selection().run()).isEqualTo(RuleSelection.Blocks.AGGREGATES);
    assertThat(shipment.topics().typeByTopic()).containsOnly(
        Map.entry("tollgate-shipment-scans", "ShipmentScan"),
        Map.entry("tollgate-customs-declarations", "CustomsDeclaration"));
    assertThat(shipment.rules().selection().include()).containsExactly("shipment.*");
  }

  @Test
  void setOverridesTheFileKeyByKey() throws Exception {
    JobSettings settings = read(JobProfile.RISK, minimal(),
        "--set", "delivery.guarantee=at-least-once", "--set", "parallelism=4");

    assertThat(settings.delivery().mode()).isEqualTo(JobSettings.DeliveryMode.AT_LEAST_ONCE);
    assertThat(settings.parallelism()).hasValue(4);
    assertThat(settings.kafka().bootstrapServers()).as("kept from the file").isEqualTo("broker:9092");
  }

  @Test
  void defaultInputTopicsApplyOnlyWhenNoInputTopicIsGiven() throws Exception {
    JobSettings settings = read(JobProfile.SHIPMENT, minimal(), "--set", "topics.typed.ShipmentScan=scans-eu,scans-us");

    assertThat(settings.topics().typeByTopic()).containsOnly(
        Map.entry("scans-eu", "ShipmentScan"), Map.entry("scans-us", "ShipmentScan"));
  }

  @Test
  void anEmptyValueUnsetsADefault() {
    assertThatThrownBy(() -> read(JobProfile.RISK, minimal(), "--set", "topics.rejected="))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid job configuration: topics.rejected is required");
  }

  @Test
  void reportsEveryProblemAtOnceWithWhereItWasSet() throws Exception {
    Path file = yaml("bad.yaml",
        "event-time:",
        "  out-of-orderness: five seconds",
        "delivery:",
        "  guarantee: twice",
        "parallelism: 0");

    assertThatThrownBy(() -> read(JobProfile.RISK, file))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "kafka.bootstrap-servers is required",
            "rules.path is required",
            "event-time.out-of-orderness: 'five seconds' (" + file + ") is not a duration (examples: 500 ms, 5 s, 10 min, 1 h)",
            "delivery.guarantee: 'twice' (" + file + ") is not one of exactly-once, at-least-once",
            "parallelism: '0' (" + file + ") is not a whole number of at least 1"));
  }

  @Test
  void suggestsTheKeyMeantByATypo() {
    assertThatThrownBy(() -> read(JobProfile.RISK, minimal(), "--set", "kafka.bootstrap-server=b:9092"))
        .hasMessageContaining("unknown key 'kafka.bootstrap-server' (--set); did you mean 'kafka.bootstrap-servers'?");
  }

  @Test
  void refusesClientAndFlinkSettingsTheJobOwns() {
    assertThatThrownBy(() -> read(JobProfile.RISK, minimal(),
        "--set", "kafka.properties.transaction.timeout.ms=60000",
        "--set", "kafka.properties.bootstrap.servers=other:9092",
        "--set", "flink.execution.checkpointing.interval=1 s"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "kafka.properties.transaction.timeout.ms cannot be set here; use delivery.transaction-timeout",
            "kafka.properties.bootstrap.servers cannot be set here; use kafka.bootstrap-servers",
            "flink.execution.checkpointing.interval cannot be set here; use checkpoints.interval"));
  }

  @Test
  void refusesATopicThatIsBothMixedAndTypedOrBothInputAndOutput() {
    assertThatThrownBy(() -> read(JobProfile.RISK, minimal(),
        "--set", "topics.events=events,alerts", "--set", "topics.typed.Order=events", "--set", "topics.alerts=alerts"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "topic events is in both topics.events and topics.typed.Order: a topic is either mixed or bound to one type",
            "topic alerts is both an input and an output of the job"));
  }

  @Test
  void refusesOneTopicForTwoOutputsAndACaseSpanOfZero() {
    assertThatThrownBy(() -> read(JobProfile.RISK, minimal(),
        "--set", "topics.cases=tollgate-alerts", "--set", "cases.span=0 s"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "topic tollgate-alerts is both topics.alerts and topics.cases: each output needs its own topic",
            "cases.span: '0 s' (--set) must be more than zero"));
  }

  @Test
  void requiresAnAggregatesTopicOnlyWhenAggregatesRun() {
    assertThatThrownBy(() -> read(JobProfile.DEMAND, minimal(), "--set", "topics.aggregates="))
        .hasMessage("invalid job configuration: topics.aggregates is required");
  }

  @Test
  void resolvesRelativeRulePathsAgainstTheConfigFile() throws Exception {
    Path file = yaml("sub/job.yaml", "kafka.bootstrap-servers: b:9092", "rules.path: [../rules, extra.rule]");

    assertThat(read(JobProfile.RISK, file).rules().paths())
        .containsExactly(dir.resolve("sub/../rules").toAbsolutePath(), dir.resolve("sub/extra.rule").toAbsolutePath());
    assertThat(read(JobProfile.RISK, null, "--set", "kafka.bootstrap-servers=b:9092", "--set", "rules.path=rules")
        .rules().paths()).as("relative to the working directory").containsExactly(Path.of("rules"));
  }

  @Test
  void theShippedExampleConfigsAreValid() {
    assertThat(read(JobProfile.RISK, Path.of("config/risk.yaml")).topics().mixed()).containsExactly("tollgate-events");
    assertThat(read(JobProfile.DEMAND, Path.of("config/demand.yaml")).topics().aggregates()).isEqualTo("tollgate-demand");
    assertThat(read(JobProfile.SHIPMENT, Path.of("config/shipment.yaml")).rules().selection().include())
        .containsExactly("shipment.*");
  }

  private Path minimal() throws Exception {
    return yaml("minimal.yaml", "kafka.bootstrap-servers: broker:9092", "rules.path: /rules");
  }

  private Path yaml(String name, String... lines) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private static JobSettings read(JobProfile profile, Path file, String... args) {
    JobArguments arguments = JobArguments.parse(args);
    ConfigValues values = profile.layer(file == null ? null : YamlConfigFile.read(file), arguments.overrides());
    return SettingsReader.read(values);
  }
}
