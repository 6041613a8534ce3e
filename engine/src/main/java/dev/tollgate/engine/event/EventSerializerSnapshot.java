package dev.tollgate.engine.event;

import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.types.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Records the event catalog's layout (type names, field names and types in position order) in
 * checkpoints, so a restored job knows how its stored events were written. A new catalog that only
 * appends event types or trailing fields reads old state as is; any other change (renamed,
 * reordered or retyped fields) is reported as incompatible instead of misreading state.
 */
public final class EventSerializerSnapshot implements TypeSerializerSnapshot<Event> {
  private static final int VERSION = 1;

  private EventCatalog catalog;

  /** For Flink, which instantiates snapshots reflectively before {@link #readSnapshot}. */
  public EventSerializerSnapshot() {}

  EventSerializerSnapshot(EventCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public int getCurrentVersion() {
    return VERSION;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeInt(catalog.size());
    for (int typeId = 0; typeId < catalog.size(); typeId++) {
      String[] names = catalog.fieldNames(typeId);
      ValueType[] types = catalog.fieldTypes(typeId);
      out.writeUTF(catalog.typeName(typeId));
      out.writeInt(names.length);
      for (int position = 0; position < names.length; position++) {
        out.writeUTF(names[position]);
        out.writeUTF(types[position].name());
      }
    }
  }

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
    if (readVersion != VERSION) {
      throw new IOException("unknown event serializer snapshot version " + readVersion);
    }
    int typeCount = in.readInt();
    List<EventTypePlan> types = new ArrayList<>(typeCount);
    for (int typeId = 0; typeId < typeCount; typeId++) {
      String name = in.readUTF();
      int fieldCount = in.readInt();
      List<EventTypePlan.FieldPlan> fields = new ArrayList<>(fieldCount);
      for (int position = 0; position < fieldCount; position++) {
        String fieldName = in.readUTF();
        ValueType type = ValueType.valueOf(in.readUTF());
        fields.add(new EventTypePlan.FieldPlan(fieldName, type, position));
      }
      types.add(new EventTypePlan(typeId, name, fields));
    }
    catalog = new EventCatalog(types);
  }

  @Override
  public TypeSerializer<Event> restoreSerializer() {
    return new EventSerializer(catalog);
  }

  /** Called on the new serializer's snapshot with the one found in the checkpoint. */
  @Override
  public TypeSerializerSchemaCompatibility<Event> resolveSchemaCompatibility(TypeSerializerSnapshot<Event> oldSnapshot) {
    if (!(oldSnapshot instanceof EventSerializerSnapshot old)) {
      return TypeSerializerSchemaCompatibility.incompatible();
    }
    return catalog.extendsCatalog(old.catalog)
        ? TypeSerializerSchemaCompatibility.compatibleAsIs()
        : TypeSerializerSchemaCompatibility.incompatible();
  }
}
