package dev.tollgate.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.testing.Schemas;
import java.math.BigDecimal;
import java.util.List;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Flink's serializer conformance suite, plus schema evolution through the snapshot. */
class EventSerializerTest extends SerializerTestBase<Event> {
  static final EventCatalog CATALOG = new EventCatalog(List.of(Schemas.TRANSACTION, Schemas.ALL_TYPES));

  @Override
  protected TypeSerializer<Event> createSerializer() {
    return new EventSerializer(CATALOG);
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<Event> getTypeClass() {
    return Event.class;
  }

  @Override
  protected boolean allowNullInstances(TypeSerializer<Event> serializer) {
    return true;
  }

  @Override
  protected Event[] getTestData() {
    return new Event[] {
      Schemas.tx("t1", "2026-03-01T09:00:00Z", "A1", "CASH_DEPOSIT", "9500.00"),
      Schemas.event(Schemas.ALL_TYPES, "all", "2026-03-01T09:00:00.123Z",
          "s", "Zürich 😀", "n", Long.MIN_VALUE, "d", "-123456789012345678901234567890.000001", "x", -0.0,
          "b", false, "t", "1969-12-31T23:59:59.999Z"),
      Schemas.event(Schemas.ALL_TYPES, "nulls", "2026-03-01T09:00:00Z"),
      Schemas.event(Schemas.ALL_TYPES, "some", "2026-03-01T09:00:00Z", "d", new BigDecimal("1E+3"), "b", true,
          "x", Double.NaN),
      Schemas.event(Schemas.ALL_TYPES, "", "2026-03-01T09:00:00Z", "s", "x".repeat(70_000)),
    };
  }

  @Test
  void roundTripsNullOfEveryType() throws Exception {
    Event blank = Schemas.event(Schemas.ALL_TYPES, "e", "2026-03-01T09:00:00Z");

    Event copy = roundTrip(new EventSerializer(CATALOG), new EventSerializer(CATALOG), blank);

    assertThat(copy).isEqualTo(blank);
    for (int position = 2; position < copy.fieldCount(); position++) {
      assertThat(copy.get(position)).isNull();
    }
  }

  @Test
  void keepsDecimalScale() throws Exception {
    Event event = Schemas.tx("t1", "2026-03-01T09:00:00Z", "A1", "WIRE", "9500.00");

    Event copy = roundTrip(new EventSerializer(CATALOG), new EventSerializer(CATALOG), event);

    assertThat(copy.get(4)).hasToString("9500.00");
  }

  @Test
  void catalogWithAppendedFieldReadsOldEventsWithNull() throws Exception {
    EventCatalog old = new EventCatalog(List.of(Schemas.TRANSACTION));
    EventTypePlan extended = Schemas.type(0, "Transaction", "accountId", ValueType.STRING, "type", ValueType.STRING,
        "amount", ValueType.DECIMAL, "currency", ValueType.STRING, "country", ValueType.STRING,
        "channel", ValueType.STRING);
    EventCatalog current = new EventCatalog(List.of(extended, Schemas.ALL_TYPES));
    Event event = Schemas.tx("t1", "2026-03-01T09:00:00Z", "A1", "WIRE", "10");

    TypeSerializerSchemaCompatibility<Event> compatibility = new EventSerializer(current).snapshotConfiguration()
        .resolveSchemaCompatibility(restoredSnapshot(new EventSerializer(old)));
    Event copy = roundTrip(new EventSerializer(old), new EventSerializer(current), event);

    assertThat(compatibility.isCompatibleAsIs()).isTrue();
    assertThat(copy.fieldCount()).isEqualTo(8);
    assertThat(copy.get(2)).isEqualTo("A1");
    assertThat(copy.get(7)).isNull();
  }

  @Test
  void catalogWithRetypedFieldIsIncompatible() throws Exception {
    EventCatalog old = new EventCatalog(List.of(Schemas.TRANSACTION));
    EventTypePlan retyped = Schemas.type(0, "Transaction", "accountId", ValueType.STRING, "type", ValueType.STRING,
        "amount", ValueType.DOUBLE, "currency", ValueType.STRING, "country", ValueType.STRING);

    TypeSerializerSchemaCompatibility<Event> compatibility = new EventSerializer(new EventCatalog(List.of(retyped)))
        .snapshotConfiguration().resolveSchemaCompatibility(restoredSnapshot(new EventSerializer(old)));

    assertThat(compatibility.isIncompatible()).isTrue();
  }

  @Test
  void typeInfoCreatesCatalogSerializer() {
    EventTypeInfo info = new EventTypeInfo(CATALOG);

    assertThat(info.createSerializer(new org.apache.flink.api.common.serialization.SerializerConfigImpl()))
        .isEqualTo(new EventSerializer(CATALOG));
    assertThat(info).isEqualTo(new EventTypeInfo(new EventCatalog(List.of(Schemas.TRANSACTION, Schemas.ALL_TYPES))));
  }

  private static org.apache.flink.api.common.typeutils.TypeSerializerSnapshot<Event> restoredSnapshot(
      EventSerializer serializer) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(256);
    org.apache.flink.api.common.typeutils.TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
    return org.apache.flink.api.common.typeutils.TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), EventSerializerTest.class.getClassLoader());
  }

  private static Event roundTrip(EventSerializer writer, EventSerializer reader, Event event) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    writer.serialize(event, out);
    return reader.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
