package dev.tollgate.jobs.kafka;

import dev.tollgate.engine.route.webhook.DeadLetter;
import dev.tollgate.engine.route.webhook.DeadLetterJson;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An alert a webhook route gave up on as one record on the webhook dead-letter topic: the value is
 * {@link DeadLetterJson} (route, url, last error and the undelivered document), the key the alert
 * id — the endpoint's idempotency key, so a dead letter delivered twice is recognisable.
 */
final class DeadLetterToKafka implements KafkaRecordSerializationSchema<DeadLetter> {
  private static final long serialVersionUID = 1L;

  private final String topic;

  DeadLetterToKafka(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(topic, letter.alertId().getBytes(StandardCharsets.UTF_8),
        DeadLetterJson.encode(letter).getBytes(StandardCharsets.UTF_8));
  }
}
