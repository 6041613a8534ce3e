package dev.tollgate.engine.route;

import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertSerializer;
import dev.tollgate.engine.serde.ImmutableValueSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink serializer for routed alerts (between operators and in case grouping's state): the alert by
 * the nested {@link AlertSerializer}, then route names and the case id (empty for none).
 */
public final class RoutedAlertSerializer extends ImmutableValueSerializer<RoutedAlert> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<Alert> alerts;

  public RoutedAlertSerializer(TypeSerializer<Alert> alerts) {
    this.alerts = alerts;
  }

  @Override
  public TypeSerializer<RoutedAlert> duplicate() {
    TypeSerializer<Alert> copy = alerts.duplicate();
    return copy == alerts ? this : new RoutedAlertSerializer(copy);
  }

  @Override
  public void serialize(RoutedAlert routed, DataOutputView out) throws IOException {
    alerts.serialize(routed.alert(), out);
    out.writeInt(routed.routes().size());
    for (String route : routed.routes()) {
      StringValue.writeString(route, out);
    }
    out.writeBoolean(routed.caseId() != null);
    if (routed.caseId() != null) {
      StringValue.writeString(routed.caseId(), out);
    }
  }

  @Override
  public RoutedAlert deserialize(DataInputView in) throws IOException {
    Alert alert = alerts.deserialize(in);
    int count = in.readInt();
    List<String> routes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      routes.add(StringValue.readString(in));
    }
    String caseId = in.readBoolean() ? StringValue.readString(in) : null;
    return new RoutedAlert(alert, routes, caseId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoutedAlertSerializer other && alerts.equals(other.alerts);
  }

  @Override
  public int hashCode() {
    return alerts.hashCode() * 31 + 3;
  }

  @Override
  public TypeSerializerSnapshot<RoutedAlert> snapshotConfiguration() {
    return new Snapshot(this);
  }

  /** Its own layout version plus the nested alert serializer's snapshot. */
  public static final class Snapshot extends CompositeTypeSerializerSnapshot<RoutedAlert, RoutedAlertSerializer> {
    private static final int VERSION = 1;

    /** For Flink, which instantiates snapshots reflectively. */
    public Snapshot() {}

    Snapshot(RoutedAlertSerializer serializer) {
      super(serializer);
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
      return VERSION;
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(RoutedAlertSerializer outer) {
      return new TypeSerializer<?>[] {outer.alerts};
    }

    @Override
    @SuppressWarnings("unchecked")
    protected RoutedAlertSerializer createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
      return new RoutedAlertSerializer((TypeSerializer<Alert>) nested[0]);
    }
  }
}
