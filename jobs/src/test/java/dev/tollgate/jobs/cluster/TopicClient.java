package dev.tollgate.jobs.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics of a broker at a bootstrap address: create, produce keyed lines, read committed values. */
final class TopicClient {
  private final String bootstrapServers;

  TopicClient(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  void create(int partitions, String... topics) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      List<NewTopic> newTopics = new ArrayList<>();
      for (String topic : topics) {
        newTopics.add(new NewTopic(topic, partitions, (short) 1));
      }
      admin.createTopics(newTopics).all().get();
    }
  }

  /** A key and a value; records with the same key go to the same partition, in order. */
  record Line(String key, String value) {}

  void produce(String topic, List<Line> lines) {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", bootstrapServers);
    properties.put("acks", "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      lines.forEach(line -> producer.send(new ProducerRecord<>(topic, line.key(), line.value())));
      producer.flush();
    }
  }

  /**
   * The values of a topic that transactions committed ({@code read_committed}), read from the
   * start until at least {@code expected} arrived and then for {@code quiet} more, so that
   * surplus records (duplicates) show too.
   */
  List<String> readCommitted(String topic, int expected, Duration timeout, Duration quiet) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = committedFromStart(topic, Map.of())) {
      long deadline = System.nanoTime() + timeout.toNanos();
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietUntil)) {
        consumer.poll(Duration.ofMillis(200))
            .forEach(record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
        if (values.size() >= expected && quietUntil == Long.MAX_VALUE) {
          quietUntil = System.nanoTime() + quiet.toNanos();
        }
      }
    }
    return values;
  }

  /**
   * A {@code read_committed} consumer of every partition of the topic, from the start; {@code
   * settings} tune it further.
   */
  KafkaConsumer<byte[], byte[]> committedFromStart(String topic, Map<String, String> settings) {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", bootstrapServers);
    properties.put("isolation.level", "read_committed");
    properties.putAll(settings);
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }
}
