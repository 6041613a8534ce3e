package dev.tollgate.jobs.config;

import dev.tollgate.jobs.runtime.RuleSelection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A job's configuration, typed and validated (see {@link SettingsReader}); every key is described
 * in {@link ConfigKey} and {@code docs/operations.md}.
 *
 * @param aggregateLateness how much later than the out-of-orderness aggregates still take an event
 * @param parallelism empty: the cluster's {@code parallelism.default}
 * @param caseSpan how long a case stays open after its last alert, in event time
 * @param flink Flink configuration keys for this job ({@code flink.} prefix removed)
 */
public record JobSettings(
    String jobName,
    Kafka kafka,
    Topics topics,
    Rules rules,
    Duration outOfOrderness,
    Duration aggregateLateness,
    Duration idleness,
    OptionalInt parallelism,
    Delivery delivery,
    Checkpoints checkpoints,
    Duration caseSpan,
    Map<String, String> flink) {

  public JobSettings {
    flink = Map.copyOf(flink);
  }

  /**
   * @param properties passed to every client as is ({@code kafka.properties.} removed)
   */
  public record Kafka(String bootstrapServers, String groupId, StartingOffsets startingOffsets,
      Map<String, String> properties) {
    public Kafka {
      properties = Map.copyOf(properties);
    }
  }

  /** Where a job without a checkpoint or savepoint starts reading. */
  public enum StartingOffsets { COMMITTED, EARLIEST, LATEST }

  /**
   * @param mixed topics whose records name their type
   * @param typeByTopic topics bound to one event type, with the type's name
   * @param alerts active alerts no route takes
   * @param aggregates null when the job runs no aggregates
   * @param shadow alerts of shadow-mode rules
   * @param cases case events
   * @param webhookDeadLetters alerts webhook routes could not deliver
   */
  public record Topics(List<String> mixed, Map<String, String> typeByTopic, String alerts, String rejected,
      String aggregates, String shadow, String cases, String webhookDeadLetters) {
    public Topics {
      mixed = List.copyOf(mixed);
      typeByTopic = Map.copyOf(typeByTopic);
    }

    /** Every input topic, mixed ones first. */
    public List<String> inputs() {
      java.util.List<String> inputs = new java.util.ArrayList<>(mixed);
      typeByTopic.keySet().stream().sorted().forEach(inputs::add);
      return inputs;
    }
  }

  /**
   * @param paths rule files and directories, resolved
   * @param params const overrides
   */
  public record Rules(List<Path> paths, Map<String, String> params, RuleSelection selection) {
    public Rules {
      paths = List.copyOf(paths);
      params = Map.copyOf(params);
    }
  }

  /** How output reaches Kafka. */
  public enum DeliveryMode {
    EXACTLY_ONCE("exactly-once"), AT_LEAST_ONCE("at-least-once");

    private final String keyword;

    DeliveryMode(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }

  public record Delivery(DeliveryMode mode, Duration transactionTimeout, String transactionalIdPrefix) {}

  /**
   * @param dir checkpoint storage URI, or null for the cluster's {@code execution.checkpointing.dir}
   */
  public record Checkpoints(String dir, Duration interval) {}
}
