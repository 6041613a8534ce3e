package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked event type: its fields in value-array order ({@code id} at 0, {@code ts} at 1, the
 * others in declaration order). Fields with an invalid type are left out (already reported).
 */
public final class EventType {
  private final String name;
  private final Declaration.EventDecl declaration;
  private final Map<String, Field> fields = new LinkedHashMap<>();

  /** A field and its position in the event's value array. */
  public record Field(String name, ValueType type, int position) {}

  EventType(Declaration.EventDecl declaration, Map<String, ValueType> declared) {
    this.name = declaration.name().value();
    this.declaration = declaration;
    add("id", declared.getOrDefault("id", ValueType.STRING));
    add("ts", declared.getOrDefault("ts", ValueType.TIMESTAMP));
    declared.forEach((field, type) -> {
      if (!fields.containsKey(field)) {
        add(field, type);
      }
    });
  }

  private void add(String field, ValueType type) {
    fields.put(field, new Field(field, type, fields.size()));
  }

  public String name() {
    return name;
  }

  public Declaration.EventDecl declaration() {
    return declaration;
  }

  /** The field, or null. */
  public Field field(String fieldName) {
    return fields.get(fieldName);
  }

  /** Fields in position order. */
  public List<Field> fields() {
    return new ArrayList<>(fields.values());
  }

  public List<String> fieldNames() {
    return new ArrayList<>(fields.keySet());
  }
}
