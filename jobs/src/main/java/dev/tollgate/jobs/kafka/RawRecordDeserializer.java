package dev.tollgate.jobs.kafka;

import dev.tollgate.engine.source.RawRecord;
import dev.tollgate.engine.source.RawRecordTypeInfo;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka records to {@link RawRecord}s, undecoded: the value's UTF-8 bytes with topic, partition and
 * offset, and the event type of a topic bound to one type. Decoding happens in the pipeline's
 * admission step, which rejects what it cannot decode with this origin — so nothing is dropped
 * here, not even a record without a value (it becomes an empty record, rejected as bad JSON).
 * Keys and headers are ignored.
 */
final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> typeByTopic;

  /** @param typeByTopic topics bound to one event type; other topics' records name their type */
  RawRecordDeserializer(Map<String, String> typeByTopic) {
    this.typeByTopic = Map.copyOf(typeByTopic);
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
    byte[] value = record.value();
    out.collect(RawRecord.ofBytes(value == null ? new byte[0] : value, record.topic(), record.partition(),
        record.offset(), typeByTopic.get(record.topic())));
  }

  @Override
  public TypeInformation<RawRecord> getProducedType() {
    return RawRecordTypeInfo.INSTANCE;
  }
}
