package dev.tollgate.jobs.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Every key a job's config file may hold, with what it means. Keys are flat and dotted, as in
 * Flink's own {@code config.yaml}; a file may nest them ({@code kafka: {bootstrap-servers: ...}})
 * or write them flat ({@code kafka.bootstrap-servers: ...}). Prefix keys ({@link #isPrefix()})
 * stand for a family: {@code kafka.properties.security.protocol} is a {@link #KAFKA_PROPERTIES}
 * key. {@code docs/operations.md} lists the same keys; {@code --help} prints them from here.
 */
public enum ConfigKey {
  JOB_NAME("job.name", "Flink job name; also the default consumer group and transactional id prefix."),
  KAFKA_BOOTSTRAP_SERVERS("kafka.bootstrap-servers", "Kafka brokers, host:port[,host:port...]. Required."),
  KAFKA_GROUP_ID("kafka.group-id", "Consumer group the source commits offsets under (for monitoring; "
      + "the offsets that count are in Flink's checkpoints). Default: job.name."),
  KAFKA_STARTING_OFFSETS("kafka.starting-offsets", "Where a job without a checkpoint or savepoint starts "
      + "reading: committed (the group's committed offsets, earliest where there are none), earliest or latest."),
  KAFKA_PROPERTIES("kafka.properties.", "Passed to every Kafka client of the job (consumer and producers) as is: "
      + "security.protocol, sasl.*, ssl.*, client.dns.lookup, ..."),
  TOPICS_EVENTS("topics.events", "Input topics whose records name their type in an \"event\" member (mixed topics); a list."),
  TOPICS_TYPED("topics.typed.", "topics.typed.<EventType>: input topics bound to one event type, whose records "
      + "may omit \"event\"; a list."),
  TOPICS_ALERTS("topics.alerts", "Output topic for alerts, keyed by the alert's key."),
  TOPICS_REJECTED("topics.rejected", "Dead-letter topic: rejected records with reason, detail, origin and raw text."),
  TOPICS_AGGREGATES("topics.aggregates", "Output topic for aggregate window records, keyed by aggregate and group."),
  TOPICS_SHADOW("topics.shadow", "Output topic for alerts of mode shadow rules (never routed, never in cases), "
      + "keyed like topics.alerts."),
  TOPICS_CASES("topics.cases", "Output topic for case events (opened, alert_added, severity_raised, closed), "
      + "keyed by case id."),
  TOPICS_WEBHOOK_DEAD_LETTERS("topics.webhook-dead-letters", "Output topic for alerts a webhook route could not "
      + "deliver, with the last error; keyed by alert id."),
  CASES_SPAN("cases.span", "How long a case stays open after its last alert, in event time."),
  RULES_PATH("rules.path", "Rule set: directories (searched for .rule files) or files; a list. Required."),
  RULES_PARAMS("rules.params.", "rules.params.<const>: overrides a const of the rule set, like --param."),
  RULES_RUN("rules.run", "Which blocks of the rule set run: rules, aggregates or all."),
  RULES_INCLUDE("rules.include", "Ids of the rules and aggregates to run; * matches any characters; a list."),
  RULES_EXCLUDE("rules.exclude", "Ids not to run, applied after rules.include; a list."),
  OUT_OF_ORDERNESS("event-time.out-of-orderness", "How far behind the latest event of its Kafka partition an "
      + "event may arrive and still count; events behind the watermark are rejected as late."),
  AGGREGATE_LATENESS("event-time.aggregate-lateness", "How much later than the out-of-orderness an event may "
      + "arrive and still count in aggregates (only); aggregate windows close this long after their end."),
  IDLENESS("event-time.idleness", "After this long without records a Kafka partition stops holding back event "
      + "time until it sends again (0: never)."),
  PARALLELISM("parallelism", "Parallelism of the job. Default: the cluster's parallelism.default."),
  DELIVERY_GUARANTEE("delivery.guarantee", "exactly-once (Kafka transactions, output visible when a checkpoint "
      + "completes) or at-least-once (output visible at once; a replay re-sends the same alert ids)."),
  TRANSACTION_TIMEOUT("delivery.transaction-timeout", "transaction.timeout.ms of the producers with exactly-once; "
      + "must be below the brokers' transaction.max.timeout.ms (default 15 min)."),
  TRANSACTIONAL_ID_PREFIX("delivery.transactional-id-prefix", "Prefix of the producers' transactional ids; unique "
      + "per job on a cluster. Default: job.name."),
  CHECKPOINTS_DIR("checkpoints.dir", "Checkpoint storage, e.g. file:///var/lib/tollgate/checkpoints or s3://... "
      + "Default: the cluster's execution.checkpointing.dir."),
  CHECKPOINTS_INTERVAL("checkpoints.interval", "Time between checkpoints; with exactly-once also how long output "
      + "waits before it becomes visible."),
  FLINK("flink.", "flink.<key>: any Flink configuration key for this job, e.g. flink.state.backend.type or "
      + "flink.execution.checkpointing.timeout.");

  private final String key;
  private final String description;

  ConfigKey(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /** The key, or for a prefix key the prefix ending in a dot. */
  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** Whether this key names a family of keys that start with it. */
  public boolean isPrefix() {
    return key.endsWith(".");
  }

  /** The key a flat name belongs to, or null when no key knows it. */
  public static ConfigKey of(String name) {
    for (ConfigKey candidate : values()) {
      if (candidate.isPrefix() ? name.startsWith(candidate.key) && name.length() > candidate.key.length()
          : name.equals(candidate.key)) {
        return candidate;
      }
    }
    return null;
  }

  /** Names of the keys, prefix keys written as {@code prefix.<name>}, for messages and help. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (ConfigKey candidate : values()) {
      names.add(candidate.displayName());
    }
    return names;
  }

  /** {@code kafka.bootstrap-servers}, or {@code kafka.properties.*} for a prefix key. */
  public String displayName() {
    return isPrefix() ? key + "*" : key;
  }
}
