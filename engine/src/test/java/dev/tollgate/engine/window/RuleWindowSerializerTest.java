package dev.tollgate.engine.window;

import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventSerializer;
import dev.tollgate.engine.testing.Schemas;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

class RuleWindowSerializerTest extends SerializerTestBase<RuleWindow> {

  @Override
  protected TypeSerializer<RuleWindow> createSerializer() {
    return new RuleWindowSerializer(new EventSerializer(new EventCatalog(List.of(Schemas.TRANSACTION))));
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<RuleWindow> getTypeClass() {
    return RuleWindow.class;
  }

  @Override
  protected RuleWindow[] getTestData() {
    ArrayDeque<dev.tollgate.engine.event.Event> two = new ArrayDeque<>();
    two.add(Schemas.tx("t1", "2026-03-01T09:00:00Z", "A1", "CASH_DEPOSIT", "9500"));
    two.add(Schemas.tx("t2", "2026-03-01T10:00:00Z", "A1", null, null));
    return new RuleWindow[] {new RuleWindow(), new RuleWindow(two, 1_772_400_000_000L), new RuleWindow(new ArrayDeque<>(), 5L)};
  }
}
