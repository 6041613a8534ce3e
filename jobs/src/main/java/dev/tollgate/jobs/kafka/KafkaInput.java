package dev.tollgate.jobs.kafka;

import dev.tollgate.engine.source.RawRecord;
import dev.tollgate.jobs.config.JobSettings;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The job's one Kafka source over all its input topics. Offsets live in Flink's checkpoints (and
 * savepoints); they are also committed to the consumer group when a checkpoint completes, for
 * monitoring only. Event time and watermarks are made per partition by the strategy the job
 * passes to {@code fromSource}.
 */
public final class KafkaInput {
  private KafkaInput() {}

  public static KafkaSource<RawRecord> source(JobSettings settings) {
    JobSettings.Kafka kafka = settings.kafka();
    return KafkaSource.<RawRecord>builder()
        .setProperties(KafkaClients.properties(kafka))
        .setGroupId(kafka.groupId())
        .setClientIdPrefix(settings.jobName())
        .setTopics(settings.topics().inputs())
        .setStartingOffsets(startingOffsets(kafka.startingOffsets()))
        .setDeserializer(new RawRecordDeserializer(settings.topics().typeByTopic()))
        .build();
  }

  private static OffsetsInitializer startingOffsets(JobSettings.StartingOffsets startingOffsets) {
    return switch (startingOffsets) {
      case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
      case EARLIEST -> OffsetsInitializer.earliest();
      case LATEST -> OffsetsInitializer.latest();
    };
  }
}
