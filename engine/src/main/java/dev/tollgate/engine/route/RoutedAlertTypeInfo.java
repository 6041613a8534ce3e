package dev.tollgate.engine.route;

import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.serde.OpaqueTypeInfo;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information for {@link RoutedAlert} streams and state, keeping alerts off Kryo. */
public final class RoutedAlertTypeInfo extends OpaqueTypeInfo<RoutedAlert> {
  private static final long serialVersionUID = 1L;

  private final AlertTypeInfo alerts;

  public RoutedAlertTypeInfo(AlertTypeInfo alerts) {
    super(RoutedAlert.class, alerts);
    this.alerts = alerts;
  }

  @Override
  public TypeSerializer<RoutedAlert> createSerializer(SerializerConfig config) {
    return new RoutedAlertSerializer(alerts.createSerializer(config));
  }
}
