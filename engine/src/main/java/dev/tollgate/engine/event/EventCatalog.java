package dev.tollgate.engine.event;

import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.types.ValueType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule set's event types, indexed for the hot path: by type id, by name, and per type a
 * field-name table, the field types and names by position. Built once from the plan and shared by
 * the decoder, encoder and serializer, which therefore agree on every event's layout.
 */
public final class EventCatalog implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<EventTypePlan> types;
  // Derived from types; rebuilt on deserialization (see readResolve) so names are interned again.
  private final transient Map<String, Integer> idsByName;
  private final transient FieldIndex[] fieldIndexes;
  private final transient ValueType[][] fieldTypes;
  private final transient String[][] fieldNames;

  public EventCatalog(List<EventTypePlan> types) {
    this.types = List.copyOf(types);
    int n = this.types.size();
    idsByName = new HashMap<>();
    fieldIndexes = new FieldIndex[n];
    fieldTypes = new ValueType[n][];
    fieldNames = new String[n][];
    for (int typeId = 0; typeId < n; typeId++) {
      EventTypePlan type = this.types.get(typeId);
      if (type.typeId() != typeId) {
        throw new IllegalArgumentException("event type " + type.name() + " has id " + type.typeId() + " at index " + typeId);
      }
      if (idsByName.put(type.name(), typeId) != null) {
        throw new IllegalArgumentException("duplicate event type " + type.name());
      }
      List<EventTypePlan.FieldPlan> fields = type.fields();
      ValueType[] typesByPosition = new ValueType[fields.size()];
      String[] namesByPosition = new String[fields.size()];
      for (EventTypePlan.FieldPlan field : fields) {
        typesByPosition[field.position()] = field.type();
        namesByPosition[field.position()] = field.name();
      }
      if (!"id".equals(namesByPosition[EventTypePlan.ID_POSITION])
          || !"ts".equals(namesByPosition[EventTypePlan.TS_POSITION])
          || typesByPosition[EventTypePlan.TS_POSITION] != ValueType.TIMESTAMP) {
        throw new IllegalArgumentException("event type " + type.name() + " must start with id and ts: timestamp");
      }
      fieldTypes[typeId] = typesByPosition;
      fieldNames[typeId] = namesByPosition;
      fieldIndexes[typeId] = new FieldIndex(List.of(namesByPosition));
    }
  }

  private Object readResolve() {
    return new EventCatalog(types);
  }

  public List<EventTypePlan> types() {
    return types;
  }

  public int size() {
    return types.size();
  }

  public EventTypePlan type(int typeId) {
    return types.get(typeId);
  }

  /** The id of the type called {@code name}, or -1. */
  public int typeIdOf(String name) {
    Integer id = idsByName.get(name);
    return id == null ? -1 : id;
  }

  public String typeName(int typeId) {
    return types.get(typeId).name();
  }

  /** Field types by position; shared, do not modify. */
  public ValueType[] fieldTypes(int typeId) {
    return fieldTypes[typeId];
  }

  /** Field names by position; shared, do not modify. */
  public String[] fieldNames(int typeId) {
    return fieldNames[typeId];
  }

  FieldIndex fieldIndex(int typeId) {
    return fieldIndexes[typeId];
  }

  /**
   * Whether events written under {@code older} read correctly under this catalog: every older
   * type keeps its id and name, and its fields are a prefix (same names and types) of this
   * catalog's fields for it. So new types and new trailing fields keep savepoints usable.
   */
  public boolean extendsCatalog(EventCatalog older) {
    if (older.size() > size()) {
      return false;
    }
    for (int typeId = 0; typeId < older.size(); typeId++) {
      if (!older.typeName(typeId).equals(typeName(typeId))) {
        return false;
      }
      String[] oldNames = older.fieldNames(typeId);
      ValueType[] oldTypes = older.fieldTypes(typeId);
      if (oldNames.length > fieldNames[typeId].length) {
        return false;
      }
      for (int position = 0; position < oldNames.length; position++) {
        if (!oldNames[position].equals(fieldNames[typeId][position]) || oldTypes[position] != fieldTypes[typeId][position]) {
          return false;
        }
      }
    }
    return true;
  }

  /** Catalogs are equal when they describe the same layouts, whatever else the plans say. */
  @Override
  public boolean equals(Object o) {
    return o instanceof EventCatalog other && size() == other.size() && extendsCatalog(other) && other.extendsCatalog(this);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int typeId = 0; typeId < size(); typeId++) {
      h = 31 * h + typeName(typeId).hashCode();
      h = 31 * h + java.util.Arrays.hashCode(fieldNames[typeId]);
      h = 31 * h + java.util.Arrays.hashCode(fieldTypes[typeId]);
    }
    return h;
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    types.forEach(t -> names.add(t.name()));
    return "EventCatalog" + names;
  }
}
