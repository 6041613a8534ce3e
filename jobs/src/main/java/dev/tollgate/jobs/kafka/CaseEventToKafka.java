package dev.tollgate.jobs.kafka;

import dev.tollgate.engine.cases.CaseEvent;
import dev.tollgate.engine.cases.CaseEventJson;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A case event as one record on the cases topic: the value is {@link CaseEventJson}, the key the
 * case id, so a case's events stay in one partition, in {@code sequence} order.
 */
final class CaseEventToKafka implements KafkaRecordSerializationSchema<CaseEvent> {
  private static final long serialVersionUID = 1L;

  private final String topic;

  CaseEventToKafka(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(CaseEvent event, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(topic, event.caseId().getBytes(StandardCharsets.UTF_8),
        CaseEventJson.encode(event).getBytes(StandardCharsets.UTF_8));
  }
}
