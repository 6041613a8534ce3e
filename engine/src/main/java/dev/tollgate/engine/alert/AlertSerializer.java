package dev.tollgate.engine.alert;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventSerializer;
import dev.tollgate.engine.serde.ImmutableValueSerializer;
import dev.tollgate.engine.serde.TaggedValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink serializer for alerts, so they travel between operators (rules → sinks, routing by mode)
 * as typed objects without Kryo. Events are written by the nested {@link EventSerializer}; key
 * values carry a one-byte type tag because an alert does not know its rule's key types.
 */
public final class AlertSerializer extends ImmutableValueSerializer<Alert> {
  private static final long serialVersionUID = 1L;

  private static final Severity[] SEVERITIES = Severity.values();
  private static final Mode[] MODES = Mode.values();

  private final EventSerializer events;

  public AlertSerializer(EventSerializer events) {
    this.events = events;
  }

  EventSerializer eventSerializer() {
    return events;
  }

  @Override
  public TypeSerializer<Alert> duplicate() {
    return this;
  }

  @Override
  public void serialize(Alert alert, DataOutputView out) throws IOException {
    StringValue.writeString(alert.alertId(), out);
    StringValue.writeString(alert.ruleId(), out);
    StringValue.writeString(alert.ruleVersion(), out);
    out.writeByte(alert.severity().ordinal());
    StringValue.writeString(alert.category(), out);
    out.writeByte(alert.mode().ordinal());
    out.writeInt(alert.key().size());
    for (Map.Entry<String, Object> entry : alert.key().entrySet()) {
      StringValue.writeString(entry.getKey(), out);
      TaggedValues.write(out, entry.getValue());
    }
    StringValue.writeString(alert.message(), out);
    out.writeLong(alert.eventTime());
    out.writeInt(alert.events().size());
    for (Event event : alert.events()) {
      events.serialize(event, out);
    }
    out.writeInt(alert.tags().size());
    for (String tag : alert.tags()) {
      StringValue.writeString(tag, out);
    }
  }

  @Override
  public Alert deserialize(DataInputView in) throws IOException {
    String alertId = StringValue.readString(in);
    String ruleId = StringValue.readString(in);
    String ruleVersion = StringValue.readString(in);
    Severity severity = SEVERITIES[in.readByte()];
    String category = StringValue.readString(in);
    Mode mode = MODES[in.readByte()];
    int keySize = in.readInt();
    Map<String, Object> key = new LinkedHashMap<>();
    for (int i = 0; i < keySize; i++) {
      key.put(StringValue.readString(in), TaggedValues.read(in));
    }
    String message = StringValue.readString(in);
    long eventTime = in.readLong();
    int eventCount = in.readInt();
    List<Event> matched = new ArrayList<>(eventCount);
    for (int i = 0; i < eventCount; i++) {
      matched.add(events.deserialize(in));
    }
    int tagCount = in.readInt();
    List<String> tags = new ArrayList<>(tagCount);
    for (int i = 0; i < tagCount; i++) {
      tags.add(StringValue.readString(in));
    }
    return new Alert(alertId, ruleId, ruleVersion, severity, category, mode, key, message, eventTime, matched, tags);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlertSerializer other && events.equals(other.events);
  }

  @Override
  public int hashCode() {
    return events.hashCode() * 31 + 7;
  }

  @Override
  public TypeSerializerSnapshot<Alert> snapshotConfiguration() {
    return new AlertSerializerSnapshot(this);
  }
}
