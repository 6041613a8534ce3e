package dev.tollgate.engine.event;

import dev.tollgate.engine.serde.OpaqueTypeInfo;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for {@link Event}: pass it to {@code returns(...)}, {@code
 * ValueStateDescriptor}s and the like so that events are never serialized with Kryo (which would
 * write class names and box every value) but with the catalog-driven {@link EventSerializer}.
 */
public final class EventTypeInfo extends OpaqueTypeInfo<Event> {
  private static final long serialVersionUID = 1L;

  private final EventCatalog catalog;

  public EventTypeInfo(EventCatalog catalog) {
    super(Event.class, catalog);
    this.catalog = catalog;
  }

  public EventCatalog catalog() {
    return catalog;
  }

  @Override
  public TypeSerializer<Event> createSerializer(SerializerConfig config) {
    return new EventSerializer(catalog);
  }
}
