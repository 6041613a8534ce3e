package dev.tollgate.engine.route;

import dev.tollgate.engine.alert.AlertTypeInfo;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information for {@link RoutedAlert} streams and state, keeping alerts off Kryo. */
public final class RoutedAlertTypeInfo extends TypeInformation<RoutedAlert> {
  private static final long serialVersionUID = 1L;

  private final AlertTypeInfo alerts;

  public RoutedAlertTypeInfo(AlertTypeInfo alerts) {
    this.alerts = alerts;
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
  public Class<RoutedAlert> getTypeClass() {
    return RoutedAlert.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<RoutedAlert> createSerializer(SerializerConfig config) {
    return new RoutedAlertSerializer(alerts.createSerializer(config));
  }

  @Override
  public String toString() {
    return "RoutedAlertTypeInfo(" + alerts + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoutedAlertTypeInfo other && alerts.equals(other.alerts);
  }

  @Override
  public int hashCode() {
    return alerts.hashCode() * 31 + 5;
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof RoutedAlertTypeInfo;
  }
}
