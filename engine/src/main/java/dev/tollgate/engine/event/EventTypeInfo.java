package dev.tollgate.engine.event;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for {@link Event}: pass it to {@code returns(...)}, {@code
 * ValueStateDescriptor}s and the like so that events are never serialized with Kryo (which would
 * write class names and box every value) but with the catalog-driven {@link EventSerializer}.
 */
public final class EventTypeInfo extends TypeInformation<Event> {
  private static final long serialVersionUID = 1L;

  private final EventCatalog catalog;

  public EventTypeInfo(EventCatalog catalog) {
    this.catalog = catalog;
  }

  public EventCatalog catalog() {
    return catalog;
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<Event> getTypeClass() {
    return Event.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<Event> createSerializer(SerializerConfig config) {
    return new EventSerializer(catalog);
  }

  @Override
  public String toString() {
    return "EventTypeInfo" + catalog;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventTypeInfo other && catalog.equals(other.catalog);
  }

  @Override
  public int hashCode() {
    return catalog.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof EventTypeInfo;
  }
}
