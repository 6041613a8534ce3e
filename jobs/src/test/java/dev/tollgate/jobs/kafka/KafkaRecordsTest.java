package dev.tollgate.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.plan.EventTypePlan.FieldPlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.Origin;
import dev.tollgate.engine.event.RejectReason;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.source.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** How the jobs' records look on Kafka: keys and values in, and out. */
class KafkaRecordsTest {
  private static final EventCatalog CATALOG = new EventCatalog(List.of(new EventTypePlan(0, "Payment", List.of(
      new FieldPlan("id", ValueType.STRING, 0), new FieldPlan("ts", ValueType.TIMESTAMP, 1),
      new FieldPlan("cardId", ValueType.STRING, 2)))));

  @Test
  void anAlertIsKeyedByItsKeyObject() {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("cardId", "C1");
    key.put("merchantCountry", "BR");

    ProducerRecord<byte[], byte[]> record = serialize(alert(key));

    assertThat(record.topic()).isEqualTo("alerts");
    assertThat(text(record.key())).isEqualTo("{\"cardId\":\"C1\",\"merchantCountry\":\"BR\"}");
    assertThat(text(record.value())).startsWith("{\"alertId\":\"id-1\",\"ruleId\":\"fraud.card_testing\"")
        .contains("\"key\":{\"cardId\":\"C1\",\"merchantCountry\":\"BR\"}");
  }

  @Test
  void anAlertWithoutKeyFieldsHasNoKafkaKey() {
    assertThat(serialize(alert(Map.of())).key()).isNull();
  }

  @Test
  void aRejectedRecordIsKeyedByItsOriginAndKeepsItsRawText() {
    Rejected rejected = new Rejected("{oops", RejectReason.BAD_JSON, "unexpected character", Origin.kafka("events", 3, 42));

    ProducerRecord<byte[], byte[]> record = new RejectedToKafka("dead-letters").serialize(rejected, null, null);

    assertThat(record.topic()).isEqualTo("dead-letters");
    assertThat(text(record.key())).isEqualTo("events/3@42");
    assertThat(text(record.value())).isEqualTo(
        "{\"reason\":\"bad_json\",\"detail\":\"unexpected character\",\"origin\":\"events/3@42\",\"raw\":\"{oops\"}");
  }

  @Test
  void aKafkaRecordBecomesARawRecordWithItsOriginAndTopicType() {
    RawRecordDeserializer deserializer = new RawRecordDeserializer(Map.of("scans", "ShipmentScan"));
    List<RawRecord> out = new ArrayList<>();

    deserializer.deserialize(new ConsumerRecord<>("scans", 1, 7L, null, "{\"id\":\"s1\"}".getBytes(StandardCharsets.UTF_8)),
        new ListCollector<>(out));
    deserializer.deserialize(new ConsumerRecord<>("events", 0, 9L, "k".getBytes(StandardCharsets.UTF_8), null),
        new ListCollector<>(out));

    assertThat(out).extracting(raw -> raw.text(), raw -> raw.eventType, raw -> raw.origin().toString())
        .containsExactly(
            tuple("{\"id\":\"s1\"}", "ShipmentScan", "scans/1@7"),
            tuple("", null, "events/0@9"));
  }

  private static Alert alert(Map<String, Object> key) {
    return new Alert("id-1", "fraud.card_testing", "v1", Severity.HIGH, "fraud", Mode.ACTIVE, key, "message",
        0L, List.of(), List.of());
  }

  private static ProducerRecord<byte[], byte[]> serialize(Alert alert) {
    AlertToKafka schema = new AlertToKafka("alerts", CATALOG);
    schema.open(null, null);
    return schema.serialize(alert, null, null);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
