package dev.tollgate.jobs.stack;

import dev.tollgate.jobs.deploy.JobKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

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
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(config)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String name : names()) {
        if (!existing.contains(name)) {
          missing.add(new NewTopic(name, PARTITIONS, (short) 1));
        }
      }
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      return missing.stream().map(NewTopic::name).toList();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
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
