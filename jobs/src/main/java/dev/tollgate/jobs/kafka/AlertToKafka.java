package dev.tollgate.jobs.kafka;

import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertJson;
import dev.tollgate.engine.event.EventCatalog;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An alert as one Kafka record: the value is the alert's JSON as the spec defines it, the key the
 * alert's key object ({@code {"accountId":"A1"}}), so every alert about one account, card or
 * shipment lands in one partition, in order. Single-event rules have no key; their alerts go
 * without one and spread over the partitions.
 */
final class AlertToKafka implements KafkaRecordSerializationSchema<Alert> {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final EventCatalog catalog;
  private transient AlertJson json;

  AlertToKafka(String topic, EventCatalog catalog) {
    this.topic = topic;
    this.catalog = catalog;
  }

  @Override
  public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
    json = new AlertJson(catalog);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(Alert alert, KafkaSinkContext context, Long timestamp) {
    byte[] key = alert.key().isEmpty() ? null : json.encodeKey(alert).getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(topic, key, json.encode(alert).getBytes(StandardCharsets.UTF_8));
  }
}
