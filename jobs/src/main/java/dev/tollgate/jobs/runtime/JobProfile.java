package dev.tollgate.jobs.runtime;

import dev.tollgate.jobs.config.ConfigKey;
import dev.tollgate.jobs.config.ConfigValues;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What distinguishes one Tollgate job from another: its default configuration — name, input
 * topics and the part of the rule set it runs. Everything else is the same runtime. Defaults are
 * the lowest layer: the config file overrides them, {@code --set} overrides both. Default input
 * topics apply only when neither names any input topic, so a file that lists its own inputs does
 * not also read the defaults.
 */
public record JobProfile(String title, Map<String, String> defaults, Map<String, String> inputDefaults) {
  public static final String ORIGIN = "default";

  /** The risk rules: every rule of the rule set, over one mixed event topic. */
  public static final JobProfile RISK = new JobProfile("Tollgate risk rules",
      withCommon(Map.of(ConfigKey.JOB_NAME.key(), "tollgate-risk", ConfigKey.RULES_RUN.key(), "rules")),
      Map.of(ConfigKey.TOPICS_EVENTS.key(), "tollgate-events"));

  /** Every aggregate over orders: window records to the demand topic, spikes to the alerts. */
  public static final JobProfile DEMAND = new JobProfile("Tollgate demand aggregation",
      withCommon(Map.of(ConfigKey.JOB_NAME.key(), "tollgate-demand", ConfigKey.RULES_RUN.key(), "aggregates")),
      Map.of(ConfigKey.TOPICS_TYPED.key() + "Order", "tollgate-orders"));

  /** The shipment pack over carrier scans and customs declarations. */
  public static final JobProfile SHIPMENT = new JobProfile("Tollgate shipment tracking",
      withCommon(Map.of(ConfigKey.JOB_NAME.key(), "tollgate-shipment", ConfigKey.RULES_RUN.key(), "rules",
          ConfigKey.RULES_INCLUDE.key(), "shipment.*")),
      Map.of(ConfigKey.TOPICS_TYPED.key() + "ShipmentScan", "tollgate-shipment-scans",
          ConfigKey.TOPICS_TYPED.key() + "CustomsDeclaration", "tollgate-customs-declarations"));

  public JobProfile {
    defaults = Map.copyOf(defaults);
    inputDefaults = Map.copyOf(inputDefaults);
  }

  /** The effective values: these defaults, then the file (may be null), then {@code --set}. */
  public ConfigValues layer(ConfigValues file, ConfigValues overrides) {
    ConfigValues given = (file == null ? ConfigValues.empty() : file).overriddenBy(overrides);
    ConfigValues base = ConfigValues.of(defaults, ORIGIN);
    if (!given.anySetBesides(ORIGIN, ConfigKey.TOPICS_EVENTS.key(), ConfigKey.TOPICS_TYPED.key())) {
      base = base.overriddenBy(ConfigValues.of(inputDefaults, ORIGIN));
    }
    return base.overriddenBy(given);
  }

  private static Map<String, String> withCommon(Map<String, String> specific) {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(ConfigKey.KAFKA_STARTING_OFFSETS.key(), "committed");
    defaults.put(ConfigKey.TOPICS_ALERTS.key(), "tollgate-alerts");
    defaults.put(ConfigKey.TOPICS_REJECTED.key(), "tollgate-rejected");
    defaults.put(ConfigKey.TOPICS_AGGREGATES.key(), "tollgate-demand");
    defaults.put(ConfigKey.TOPICS_SHADOW.key(), "tollgate-shadow-alerts");
    defaults.put(ConfigKey.TOPICS_CASES.key(), "tollgate-cases");
    defaults.put(ConfigKey.TOPICS_WEBHOOK_DEAD_LETTERS.key(), "tollgate-webhook-dead-letters");
    defaults.put(ConfigKey.CASES_SPAN.key(), "7 d");
    defaults.put(ConfigKey.RULES_INCLUDE.key(), "*");
    defaults.put(ConfigKey.OUT_OF_ORDERNESS.key(), "5 s");
    defaults.put(ConfigKey.AGGREGATE_LATENESS.key(), "0 s");
    defaults.put(ConfigKey.IDLENESS.key(), "30 s");
    defaults.put(ConfigKey.DELIVERY_GUARANTEE.key(), "exactly-once");
    defaults.put(ConfigKey.TRANSACTION_TIMEOUT.key(), "10 min");
    defaults.put(ConfigKey.CHECKPOINTS_INTERVAL.key(), "10 s");
    defaults.put(ConfigKey.FLINK.key() + "state.backend.type", "rocksdb");
    defaults.put(ConfigKey.FLINK.key() + "execution.checkpointing.incremental", "true");
    defaults.put(ConfigKey.FLINK.key() + "execution.checkpointing.externalized-checkpoint-retention",
        "RETAIN_ON_CANCELLATION");
    // Flink flushes a half-full network buffer after 100 ms by default: at a few thousand events/s
    // that wait is most of an alert's latency. Full buffers still go at once under load.
    defaults.put(ConfigKey.FLINK.key() + "execution.buffer-timeout.interval", "10 ms");
    defaults.putAll(specific);
    return defaults;
  }
}
