package dev.tollgate.jobs.kafka;

import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.route.RoutedAlert;
import dev.tollgate.engine.route.RoutedAlertJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An alert a Kafka route takes as one record on the route's topic: the value is what the route
 * delivers ({@link RoutedAlertJson}: the alert with {@code caseId} and {@code route}), the key the
 * case id, so a case's alerts stay in one partition, in order. Every Kafka route of the job shares
 * one sink: each alert arrives here narrowed to the one route it is written for (its only entry in
 * {@link RoutedAlert#routes()}), and that route names the topic.
 */
final class RoutedAlertToKafka implements KafkaRecordSerializationSchema<RoutedAlert> {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> topicByRoute;
  private final EventCatalog catalog;
  private transient RoutedAlertJson json;

  /** @param topicByRoute every Kafka route of the job, with its topic */
  RoutedAlertToKafka(Map<String, String> topicByRoute, EventCatalog catalog) {
    this.topicByRoute = Map.copyOf(topicByRoute);
    this.catalog = catalog;
  }

  @Override
  public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
    json = new RoutedAlertJson(catalog);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(RoutedAlert routed, KafkaSinkContext context, Long timestamp) {
    String route = routed.routes().get(0);
    return new ProducerRecord<>(topicByRoute.get(route), routed.caseId().getBytes(StandardCharsets.UTF_8),
        json.encode(routed, route).getBytes(StandardCharsets.UTF_8));
  }
}
