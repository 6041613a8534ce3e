package dev.tollgate.engine.alert;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventSerializer;
import dev.tollgate.engine.testing.Schemas;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

class AlertSerializerTest extends SerializerTestBase<Alert> {

  @Override
  protected TypeSerializer<Alert> createSerializer() {
    return new AlertSerializer(new EventSerializer(new EventCatalog(List.of(Schemas.TRANSACTION))));
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<Alert> getTypeClass() {
    return Alert.class;
  }

  @Override
  protected boolean allowNullInstances(TypeSerializer<Alert> serializer) {
    return true;
  }

  @Override
  protected Alert[] getTestData() {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("s", "x");
    key.put("d", new BigDecimal("-12.50"));
    key.put("x", 1.5);
    key.put("b", true);
    Alert single = new Alert("id", "r", "v", Severity.CRITICAL, "c", Mode.ACTIVE, Map.of(), "", 0L,
        List.of(Schemas.tx("t", "2026-03-01T09:00:00Z", "A", null, null)), List.of());
    Alert typedKey = new Alert("id2", "r", "v", Severity.LOW, "c", Mode.DISABLED, key, "m", -5L, List.of(), List.of("t"));
    return new Alert[] {AlertFixtures.structuring(), single, typedKey};
  }
}
