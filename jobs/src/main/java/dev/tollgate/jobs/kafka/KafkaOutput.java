package dev.tollgate.jobs.kafka;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.aggregate.WindowRecord;
import dev.tollgate.engine.cases.CaseEvent;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.route.RoutedAlert;
import dev.tollgate.engine.route.webhook.DeadLetter;
import dev.tollgate.jobs.config.JobSettings;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * The job's Kafka sinks. With {@code exactly-once} each sink writes in Kafka transactions that
 * commit when a checkpoint completes, so a {@code read_committed} consumer sees every record once,
 * a checkpoint interval late; each sink has its own transactional id prefix ({@code
 * <prefix>-alerts}, {@code <prefix>-routes}, ...), as two writers must never share one. With {@code at-least-once} records
 * are visible at once and a restart re-sends those written since the last checkpoint — with the
 * same deterministic alert ids, so a consumer that keeps ids drops the repeats.
 */
public final class KafkaOutput {
  private final JobSettings settings;

  public KafkaOutput(JobSettings settings) {
    this.settings = settings;
  }

  public KafkaSink<Alert> alerts(EventCatalog catalog) {
    return sink("alerts", new AlertToKafka(settings.topics().alerts(), catalog));
  }

  /** Alerts of shadow-mode rules, keyed like the alerts topic. */
  public KafkaSink<Alert> shadow(EventCatalog catalog) {
    return sink("shadow", new AlertToKafka(settings.topics().shadow(), catalog));
  }

  /**
   * Alerts of every Kafka route, each to its route's topic, keyed by case id.
   *
   * @param topicByRoute the Kafka routes, with their topics
   */
  public KafkaSink<RoutedAlert> routes(Map<String, String> topicByRoute, EventCatalog catalog) {
    return sink("routes", new RoutedAlertToKafka(topicByRoute, catalog));
  }

  public KafkaSink<CaseEvent> cases() {
    return sink("cases", new CaseEventToKafka(settings.topics().cases()));
  }

  public KafkaSink<DeadLetter> webhookDeadLetters() {
    return sink("webhook-dead-letters", new DeadLetterToKafka(settings.topics().webhookDeadLetters()));
  }

  public KafkaSink<Rejected> rejected() {
    return sink("rejected", new RejectedToKafka(settings.topics().rejected()));
  }

  public KafkaSink<WindowRecord> aggregates(List<AggregatePlan> aggregates) {
    return sink("aggregates", new WindowRecordToKafka(settings.topics().aggregates(), aggregates));
  }

  private <T> KafkaSink<T> sink(String output, KafkaRecordSerializationSchema<T> schema) {
    JobSettings.Delivery delivery = settings.delivery();
    Properties properties = KafkaClients.properties(settings.kafka());
    boolean exactlyOnce = delivery.mode() == JobSettings.DeliveryMode.EXACTLY_ONCE;
    if (exactlyOnce) {
      properties.setProperty("transaction.timeout.ms", Long.toString(delivery.transactionTimeout().toMillis()));
    }
    return KafkaSink.<T>builder()
        .setKafkaProducerConfig(properties)
        .setDeliveryGuarantee(exactlyOnce ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
        .setTransactionalIdPrefix(delivery.transactionalIdPrefix() + "-" + output)
        .setRecordSerializer(schema)
        .build();
  }
}
