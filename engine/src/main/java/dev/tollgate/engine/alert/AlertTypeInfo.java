package dev.tollgate.engine.alert;

import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventSerializer;
import dev.tollgate.engine.serde.OpaqueTypeInfo;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Type information for {@link Alert} streams. Alerts stay objects until the sink (rather than
 * being encoded to JSON right away) so that routing by mode and the rule test runner can read
 * them without parsing; this keeps them off Kryo on the way.
 */
public final class AlertTypeInfo extends OpaqueTypeInfo<Alert> {
  private static final long serialVersionUID = 1L;

  private final EventCatalog catalog;

  public AlertTypeInfo(EventCatalog catalog) {
    super(Alert.class, catalog);
    this.catalog = catalog;
  }

  @Override
  public TypeSerializer<Alert> createSerializer(SerializerConfig config) {
    return new AlertSerializer(new EventSerializer(catalog));
  }
}
