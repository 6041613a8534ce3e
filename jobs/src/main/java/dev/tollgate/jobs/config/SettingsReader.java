package dev.tollgate.jobs.config;

import dev.tollgate.dsl.diag.Suggestions;
import dev.tollgate.jobs.config.JobSettings.Checkpoints;
import dev.tollgate.jobs.config.JobSettings.Delivery;
import dev.tollgate.jobs.config.JobSettings.DeliveryMode;
import dev.tollgate.jobs.config.JobSettings.Kafka;
import dev.tollgate.jobs.config.JobSettings.Rules;
import dev.tollgate.jobs.config.JobSettings.StartingOffsets;
import dev.tollgate.jobs.config.JobSettings.Topics;
import dev.tollgate.jobs.runtime.RuleSelection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.apache.flink.util.TimeUtils;

/**
 * Turns flat config values into {@link JobSettings}, checking everything that can be checked
 * before the rule set is compiled. Every problem is collected, so one run shows them all; each
 * names its key and where the value came from.
 */
public final class SettingsReader {
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /** Client settings the job owns: setting them through kafka.properties.* would break it. */
  private static final Map<String, String> OWNED_CLIENT_PROPERTIES = Map.of(
      "bootstrap.servers", ConfigKey.KAFKA_BOOTSTRAP_SERVERS.key(),
      "group.id", ConfigKey.KAFKA_GROUP_ID.key(),
      "transactional.id", ConfigKey.TRANSACTIONAL_ID_PREFIX.key(),
      "transaction.timeout.ms", ConfigKey.TRANSACTION_TIMEOUT.key(),
      "enable.auto.commit", "(offsets are kept in checkpoints)",
      "key.deserializer", "(records are read as bytes)",
      "value.deserializer", "(records are read as bytes)",
      "key.serializer", "(records are written as bytes)",
      "value.serializer", "(records are written as bytes)");

  /** Flink settings the job sets from its own keys. */
  private static final Map<String, String> OWNED_FLINK_OPTIONS = Map.of(
      "pipeline.name", ConfigKey.JOB_NAME.key(),
      "parallelism.default", ConfigKey.PARALLELISM.key(),
      "execution.checkpointing.interval", ConfigKey.CHECKPOINTS_INTERVAL.key(),
      "execution.checkpointing.dir", ConfigKey.CHECKPOINTS_DIR.key());

  private final ConfigValues values;
  private final List<String> problems = new ArrayList<>();

  private SettingsReader(ConfigValues values) {
    this.values = values;
  }

  /** Whether Kafka accepts {@code name} as a topic name. */
  public static boolean isTopicName(String name) {
    return TOPIC.matcher(name).matches();
  }

  /** The settings, or a {@link ConfigException} listing every problem. */
  public static JobSettings read(ConfigValues values) {
    return new SettingsReader(values).read();
  }

  private JobSettings read() {
    checkKeysAreKnown();
    String jobName = required(ConfigKey.JOB_NAME);
    Kafka kafka = new Kafka(
        required(ConfigKey.KAFKA_BOOTSTRAP_SERVERS),
        optional(ConfigKey.KAFKA_GROUP_ID, jobName),
        choice(ConfigKey.KAFKA_STARTING_OFFSETS, StartingOffsets.class, StartingOffsets.COMMITTED),
        clientProperties());
    RuleSelection selection = new RuleSelection(
        choice(ConfigKey.RULES_RUN, RuleSelection.Blocks.class, RuleSelection.Blocks.RULES),
        list(ConfigKey.RULES_INCLUDE, List.of("*")),
        list(ConfigKey.RULES_EXCLUDE, List.of()));
    Rules rules = new Rules(paths(ConfigKey.RULES_PATH), text(values.withPrefix(ConfigKey.RULES_PARAMS.key())),
        selection);
    Topics topics = topics(selection.run() != RuleSelection.Blocks.RULES);
    Duration outOfOrderness = duration(ConfigKey.OUT_OF_ORDERNESS, false);
    Duration aggregateLateness = duration(ConfigKey.AGGREGATE_LATENESS, false);
    Duration idleness = duration(ConfigKey.IDLENESS, false);
    OptionalInt parallelism = parallelism();
    Delivery delivery = new Delivery(
        choice(ConfigKey.DELIVERY_GUARANTEE, DeliveryMode.class, DeliveryMode.EXACTLY_ONCE),
        duration(ConfigKey.TRANSACTION_TIMEOUT, true),
        optional(ConfigKey.TRANSACTIONAL_ID_PREFIX, jobName));
    Checkpoints checkpoints = new Checkpoints(optional(ConfigKey.CHECKPOINTS_DIR, null),
        duration(ConfigKey.CHECKPOINTS_INTERVAL, true));
    Duration caseSpan = duration(ConfigKey.CASES_SPAN, true);
    Map<String, String> flink = flinkOptions();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new JobSettings(jobName, kafka, topics, rules, outOfOrderness, aggregateLateness, idleness, parallelism, delivery,
        checkpoints, caseSpan, flink);
  }

  private void checkKeysAreKnown() {
    List<String> known = new ArrayList<>();
    for (ConfigKey key : ConfigKey.values()) {
      if (!key.isPrefix()) {
        known.add(key.key());
      }
    }
    values.asMap().forEach((name, value) -> {
      if (ConfigKey.of(name) == null) {
        problems.add("unknown key '" + name + "' (" + value.origin() + ")" + Suggestions.didYouMean(name, known));
      }
    });
  }

  private Topics topics(boolean runsAggregates) {
    List<String> mixed = list(ConfigKey.TOPICS_EVENTS, List.of());
    Map<String, String> typeByTopic = new LinkedHashMap<>();
    values.withPrefix(ConfigKey.TOPICS_TYPED.key()).forEach((type, value) -> {
      for (String topic : split(value.text())) {
        String before = typeByTopic.put(topic, type);
        if (before != null) {
          problems.add("topic " + topic + " is bound to both " + before + " and " + type);
        }
        if (mixed.contains(topic)) {
          problems.add("topic " + topic + " is in both topics.events and topics.typed." + type
              + ": a topic is either mixed or bound to one type");
        }
      }
    });
    List<String> inputs = new ArrayList<>(mixed);
    inputs.addAll(typeByTopic.keySet());
    if (inputs.isEmpty()) {
      problems.add("no input topic: set topics.events (mixed topics) or topics.typed.<EventType>");
    }
    Map<ConfigKey, String> outputByKey = new LinkedHashMap<>();
    for (ConfigKey key : List.of(ConfigKey.TOPICS_ALERTS, ConfigKey.TOPICS_REJECTED, ConfigKey.TOPICS_AGGREGATES,
        ConfigKey.TOPICS_SHADOW, ConfigKey.TOPICS_CASES, ConfigKey.TOPICS_WEBHOOK_DEAD_LETTERS)) {
      String topic = key == ConfigKey.TOPICS_AGGREGATES && !runsAggregates ? null : required(key);
      if (topic != null) {
        outputByKey.put(key, topic);
      }
    }
    List<String> outputs = new ArrayList<>(outputByKey.values());
    for (String topic : concat(inputs, outputs)) {
      if (!TOPIC.matcher(topic).matches()) {
        problems.add("'" + topic + "' is not a valid Kafka topic name (letters, digits, '.', '_', '-'; at most 249)");
      }
    }
    Map<String, ConfigKey> keyByOutput = new LinkedHashMap<>();
    outputByKey.forEach((key, output) -> {
      if (inputs.contains(output)) {
        problems.add("topic " + output + " is both an input and an output of the job");
      }
      // Each output topic carries one kind of record; consumers could not tell two kinds apart.
      ConfigKey before = keyByOutput.putIfAbsent(output, key);
      if (before != null) {
        problems.add("topic " + output + " is both " + before.key() + " and " + key.key()
            + ": each output needs its own topic");
      }
    });
    return new Topics(mixed, typeByTopic, outputByKey.get(ConfigKey.TOPICS_ALERTS),
        outputByKey.get(ConfigKey.TOPICS_REJECTED), outputByKey.get(ConfigKey.TOPICS_AGGREGATES),
        outputByKey.get(ConfigKey.TOPICS_SHADOW), outputByKey.get(ConfigKey.TOPICS_CASES),
        outputByKey.get(ConfigKey.TOPICS_WEBHOOK_DEAD_LETTERS));
  }

  private Map<String, String> clientProperties() {
    Map<String, String> properties = text(values.withPrefix(ConfigKey.KAFKA_PROPERTIES.key()));
    properties.keySet().forEach(name -> {
      String instead = OWNED_CLIENT_PROPERTIES.get(name);
      if (instead != null) {
        problems.add("kafka.properties." + name + " cannot be set here; " + (instead.startsWith("(")
            ? "the job sets it " + instead : "use " + instead));
      }
    });
    return properties;
  }

  private Map<String, String> flinkOptions() {
    Map<String, String> options = text(values.withPrefix(ConfigKey.FLINK.key()));
    options.keySet().forEach(name -> {
      String instead = OWNED_FLINK_OPTIONS.get(name);
      if (instead != null) {
        problems.add("flink." + name + " cannot be set here; use " + instead);
      }
    });
    return options;
  }

  private OptionalInt parallelism() {
    ConfigValues.Value value = values.get(ConfigKey.PARALLELISM.key());
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      int parallelism = Integer.parseInt(value.text().trim());
      if (parallelism >= 1) {
        return OptionalInt.of(parallelism);
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    problems.add(describe(ConfigKey.PARALLELISM, value) + " is not a whole number of at least 1");
    return OptionalInt.empty();
  }

  private Duration duration(ConfigKey key, boolean positive) {
    ConfigValues.Value value = values.get(key.key());
    if (value == null) {
      problems.add(key.key() + " is required");
      return Duration.ZERO;
    }
    try {
      Duration duration = TimeUtils.parseDuration(value.text().trim());
      if (positive && (duration.isZero() || duration.isNegative())) {
        problems.add(describe(key, value) + " must be more than zero");
      }
      return duration;
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.add(describe(key, value) + " is not a duration (examples: 500 ms, 5 s, 10 min, 1 h)");
      return Duration.ZERO;
    }
  }

  private <E extends Enum<E>> E choice(ConfigKey key, Class<E> type, E fallback) {
    ConfigValues.Value value = values.get(key.key());
    if (value == null) {
      return fallback;
    }
    List<String> keywords = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      String keyword = keyword(constant);
      if (keyword.equals(value.text().trim().toLowerCase(Locale.ROOT))) {
        return constant;
      }
      keywords.add(keyword);
    }
    problems.add(describe(key, value) + " is not one of " + String.join(", ", keywords));
    return fallback;
  }

  private static String keyword(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private List<Path> paths(ConfigKey key) {
    ConfigValues.Value value = values.get(key.key());
    if (value == null) {
      problems.add(key.key() + " is required");
      return List.of();
    }
    List<Path> paths = new ArrayList<>();
    for (String path : split(value.text())) {
      paths.add(value.resolve(path));
    }
    return paths;
  }

  private String required(ConfigKey key) {
    ConfigValues.Value value = values.get(key.key());
    if (value == null) {
      problems.add(key.key() + " is required");
      return null;
    }
    return value.text().trim();
  }

  private String optional(ConfigKey key, String fallback) {
    ConfigValues.Value value = values.get(key.key());
    return value == null ? fallback : value.text().trim();
  }

  private List<String> list(ConfigKey key, List<String> fallback) {
    ConfigValues.Value value = values.get(key.key());
    return value == null ? fallback : split(value.text());
  }

  private static List<String> split(String text) {
    List<String> items = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }

  private static Map<String, String> text(Map<String, ConfigValues.Value> values) {
    Map<String, String> text = new LinkedHashMap<>();
    values.forEach((name, value) -> text.put(name, value.text().trim()));
    return text;
  }

  private static String describe(ConfigKey key, ConfigValues.Value value) {
    return key.key() + ": '" + value.text() + "' (" + value.origin() + ")";
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
