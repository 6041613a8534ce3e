package dev.tollgate.engine.alert;

import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventSerializer;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Type information for {@link Alert} streams. Alerts stay objects until the sink (rather than
 * being encoded to JSON right away) so that routing by mode and the rule test runner can read
 * them without parsing; this keeps them off Kryo on the way.
 */
public final class AlertTypeInfo extends TypeInformation<Alert> {
  private static final long serialVersionUID = 1L;

  private final EventCatalog catalog;

  public AlertTypeInfo(EventCatalog catalog) {
    this.catalog = catalog;
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
  public Class<Alert> getTypeClass() {
    return Alert.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<Alert> createSerializer(SerializerConfig config) {
    return new AlertSerializer(new EventSerializer(catalog));
  }

  @Override
  public String toString() {
    return "AlertTypeInfo" + catalog;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlertTypeInfo other && catalog.equals(other.catalog);
  }

  @Override
  public int hashCode() {
    return catalog.hashCode() * 31 + 11;
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof AlertTypeInfo;
  }
}
