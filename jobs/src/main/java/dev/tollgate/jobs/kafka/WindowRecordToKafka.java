package dev.tollgate.jobs.kafka;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.engine.aggregate.WindowRecord;
import dev.tollgate.engine.aggregate.WindowRecordJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An aggregate's window record as one Kafka record: the value is the record's JSON as in a
 * backtest's {@code aggregates.jsonl}; the key is the aggregate and group ({@code
 * {"aggregate":"demand.hourly_by_sku","sku":"SKU-1","destinationCountry":"DE"}}), so a group's
 * windows arrive in one partition, in order, and a compacted topic keeps each group's latest.
 */
final class WindowRecordToKafka implements KafkaRecordSerializationSchema<WindowRecord> {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final List<AggregatePlan> aggregates;
  private transient WindowRecordJson json;

  WindowRecordToKafka(String topic, List<AggregatePlan> aggregates) {
    this.topic = topic;
    this.aggregates = List.copyOf(aggregates);
  }

  @Override
  public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
    json = new WindowRecordJson(aggregates);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(WindowRecord record, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(topic, json.encodeGroup(record).getBytes(StandardCharsets.UTF_8),
        json.encode(record).getBytes(StandardCharsets.UTF_8));
  }
}
