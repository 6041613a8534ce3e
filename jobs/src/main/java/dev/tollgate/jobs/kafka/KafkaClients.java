package dev.tollgate.jobs.kafka;

import dev.tollgate.jobs.config.JobSettings;
import java.util.Properties;

/** The client settings every Kafka client of a job shares: brokers and pass-through properties. */
final class KafkaClients {
  private KafkaClients() {}

  static Properties properties(JobSettings.Kafka kafka) {
    Properties properties = new Properties();
    properties.putAll(kafka.properties());
    properties.setProperty("bootstrap.servers", kafka.bootstrapServers());
    return properties;
  }
}
