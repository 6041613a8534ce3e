package dev.tollgate.jobs.kafka;

import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.event.RejectedJson;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A rejected record as one dead-letter record: the value is the same JSON as a backtest's {@code
 * rejected.jsonl} line ({@code reason}, {@code detail}, {@code origin}, the verbatim {@code raw}
 * text); the key is the origin ({@code topic/partition@offset}), which identifies the input
 * record, so duplicates after an at-least-once replay are recognisable.
 */
final class RejectedToKafka implements KafkaRecordSerializationSchema<Rejected> {
  private static final long serialVersionUID = 1L;

  private final String topic;

  RejectedToKafka(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(Rejected rejected, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(topic, rejected.origin().toString().getBytes(StandardCharsets.UTF_8),
        RejectedJson.encode(rejected).getBytes(StandardCharsets.UTF_8));
  }
}
