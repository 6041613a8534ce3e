package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.diag.Diagnostics;
import dev.tollgate.dsl.diag.Suggestions;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks {@code event} declarations: field types, duplicate fields, and the required id and ts. */
final class EventChecker {
  private static final Map<String, ValueType> FIELD_TYPES = new LinkedHashMap<>();

  static {
    for (ValueType type : ValueType.values()) {
      if (type.isFieldType()) {
        FIELD_TYPES.put(type.keyword(), type);
      }
    }
  }

  private final Diagnostics diagnostics;

  EventChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  EventType check(Declaration.EventDecl event) {
    Map<String, ValueType> declared = new LinkedHashMap<>();
    Map<String, Declaration.FieldDecl> seen = new HashMap<>();
    for (Declaration.FieldDecl field : event.fields()) {
      String name = field.name().value();
      Declaration.FieldDecl earlier = seen.putIfAbsent(name, field);
      if (earlier != null) {
        diagnostics.error(field.name().span(), "duplicate field '" + name + "' in event " + event.name().value()
            + " (first at " + earlier.span().location() + ")");
        continue;
      }
      ValueType type = FIELD_TYPES.get(field.type().value());
      if (type == null) {
        diagnostics.error(field.type().span(), "unknown field type '" + field.type().value() + "'"
            + hint(field.type().value()));
        continue;
      }
      declared.put(name, type);
    }
    requireField(event, seen, declared, "id", ValueType.STRING);
    requireField(event, seen, declared, "ts", ValueType.TIMESTAMP);
    return new EventType(event, declared);
  }

  private String hint(String written) {
    String closest = Suggestions.closest(written, FIELD_TYPES.keySet());
    if (closest != null) {
      return "; did you mean '" + closest + "'?";
    }
    return "; expected one of " + String.join(", ", new ArrayList<>(FIELD_TYPES.keySet()));
  }

  private void requireField(Declaration.EventDecl event, Map<String, Declaration.FieldDecl> seen,
      Map<String, ValueType> declared, String name, ValueType type) {
    Declaration.FieldDecl field = seen.get(name);
    if (field == null) {
      diagnostics.error(event.name().span(), "event " + event.name().value() + " has no '" + name + ": "
          + type.keyword() + "' field; every event type needs one");
    } else if (declared.containsKey(name) && declared.get(name) != type) {
      diagnostics.error(field.type().span(), "field '" + name + "' must be " + type.keyword() + ", not "
          + declared.get(name).keyword());
      declared.put(name, type);
    }
  }

  static List<String> fieldTypeNames() {
    return new ArrayList<>(FIELD_TYPES.keySet());
  }
}
