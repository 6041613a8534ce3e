package dev.tollgate.engine.route;

import static dev.tollgate.engine.testing.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertJson;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.event.EventCatalog;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RoutedAlertJsonTest {
  private static final EventCatalog CATALOG = new EventCatalog(List.of());

  @Test
  void isTheAlertDocumentWithCaseIdAndRouteAddedAtTheEnd() {
    Alert alert = alert().key("accountId", "A\"1").tags("aml").build();
    String plain = new AlertJson(CATALOG).encode(alert);

    String routed = new RoutedAlertJson(CATALOG).encode(new RoutedAlert(alert, List.of("aml_cases"), "c0ffee"), "aml_cases");

    assertThat(routed).isEqualTo(plain.substring(0, plain.length() - 1) + ",\"caseId\":\"c0ffee\",\"route\":\"aml_cases\"}");
    assertThat(routed).contains("\"key\":{\"accountId\":\"A\\\"1\"}");
  }

  @Test
  void serializerRoundTripsRoutesAndCaseId() throws Exception {
    TypeSerializer<RoutedAlert> serializer =
        new RoutedAlertTypeInfo(new AlertTypeInfo(CATALOG)).createSerializer(new SerializerConfigImpl());
    RoutedAlert placed = new RoutedAlert(alert().key("branch", 7L).build(), List.of("a", "b"), "c0ffee");
    RoutedAlert unplaced = new RoutedAlert(alert().build(), List.of("a"), null);

    for (RoutedAlert routed : List.of(placed, unplaced)) {
      DataOutputSerializer out = new DataOutputSerializer(256);
      serializer.serialize(routed, out);
      assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(routed);
    }
  }
}
