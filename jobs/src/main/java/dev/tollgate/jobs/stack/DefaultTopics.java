package dev.tollgate.jobs.stack;

import dev.tollgate.jobs.deploy.JobKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The topics the jobs read and write with their default configuration, created on a trial broker
 * so a job submitted with the shipped config finds its input (the Kafka source fails on a
 * missing topic).
 */
public final class DefaultTopics {
  private static final int PARTITIONS = 2;

  private DefaultTopics() {}

  /** Every topic named by a job's defaults. */
  public static Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (JobKind kind : JobKind.values()) {
      collect(kind.profile().defaults(), names);
      collect(kind.profile().inputDefaults(), names);
    }
    return names;
  }

  /** Creates the topics that do not exist yet; returns the ones it created. */
  public static List<String> create(String bootstrapServers) {
    return MissingTopics.create(bootstrapServers, Map.of(), names(), PARTITIONS, (short) 1);
  }

  private static void collect(Map<String, String> settings, Set<String> names) {
    settings.forEach((key, value) -> {
      if (key.startsWith("topics.")) {
        for (String topic : value.split(",")) {
          if (!topic.isBlank()) {
            names.add(topic.trim());
          }
        }
      }
    });
  }
}
