package dev.tollgate.jobs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.junit.jupiter.api.Test;

class RuleSetManifestTest {
  private static RuleSetManifest manifest(Map<String, String> rules, Map<String, String> aggregates, List<String> operators) {
    return new RuleSetManifest("risk", "/etc/tollgate/risk.yaml", List.of("rules.exclude=shipment.*", "parallelism=2"), new TreeMap<>(rules), new TreeMap<>(aggregates),
        new TreeSet<>(operators));
  }

  @Test
  void survivesFlinksGlobalJobParametersOption() {
    RuleSetManifest manifest = manifest(
        Map.of("aml.structuring", "1681508a7166", "fraud.card_testing", "0663d3b8b7a2"),
        Map.of(),
        List.of("Sink Committer: kafka-sink/alerts", "windowed/consignee,destinationCountry,currency", "kafka-source"));

    Configuration config = Configuration.fromMap(
        Map.of(PipelineOptions.GLOBAL_JOB_PARAMETERS.key(), manifest.toFlinkOption()));
    Map<String, String> parameters = config.get(PipelineOptions.GLOBAL_JOB_PARAMETERS);

    assertThat(RuleSetManifest.fromJobParameters(parameters)).contains(manifest);
  }

  @Test
  void jobsSubmittedWithoutTollgateHaveNone() {
    assertThat(RuleSetManifest.fromJobParameters(Map.of("other", "x"))).isEmpty();
  }

  @Test
  void changesSplitKeptChangedAddedRemovedAndDroppedOperators() {
    RuleSetManifest running = manifest(
        Map.of("a.kept", "v1", "a.changed", "v1", "a.removed", "v1"),
        Map.of("demand.hourly", "v1"),
        List.of("windowed/accountId", "patterns/cardId", "aggregate/demand.hourly"));
    RuleSetManifest next = manifest(
        Map.of("a.kept", "v1", "a.changed", "v2", "a.added", "v1"),
        Map.of("demand.hourly", "v1"),
        List.of("windowed/accountId", "aggregate/demand.hourly"));

    StateChanges changes = StateChanges.between(running, next);

    assertThat(changes.kept()).containsExactly("rule a.kept", "aggregate demand.hourly");
    assertThat(changes.changed()).containsExactly("rule a.changed");
    assertThat(changes.added()).containsExactly("rule a.added");
    assertThat(changes.removed()).containsExactly("rule a.removed");
    assertThat(changes.droppedOperators()).containsExactly("patterns/cardId");
    assertThat(changes.dropsState()).isTrue();
  }

  @Test
  void anUnchangedRuleSetDropsNothing() {
    RuleSetManifest running = manifest(Map.of("a.kept", "v1"), Map.of(), List.of("windowed/accountId"));

    assertThat(StateChanges.between(running, running).dropsState()).isFalse();
  }
}
