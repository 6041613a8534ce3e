package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Identifier;
import dev.tollgate.dsl.diag.Suggestions;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Key (and group-by) fields: each must be a field of every event type the rule reads, with the
 * same type in all of them, because one key partitions all of the rule's events.
 */
final class KeyChecker {
  private final CheckContext context;

  KeyChecker(CheckContext context) {
    this.context = context;
  }

  /**
   * The keys, or null after an error. {@code eventTypes} may contain nulls (unknown types, already
   * reported), which are skipped.
   */
  List<KeyField> check(List<Identifier> fields, List<EventType> eventTypes, String what) {
    List<KeyField> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (Identifier field : fields) {
      String name = field.value();
      if (!seen.add(name)) {
        context.error(field.span(), what + " field '" + name + "' is listed twice");
        ok = false;
        continue;
      }
      ValueType type = null;
      EventType typeOwner = null;
      for (EventType eventType : eventTypes) {
        if (eventType == null) {
          continue;
        }
        EventType.Field declared = eventType.field(name);
        if (declared == null) {
          context.error(field.span(), what + " field '" + name + "' is missing from event type " + eventType.name()
              + Suggestions.didYouMean(name, eventType.fieldNames()));
          ok = false;
          break;
        }
        if (type == null) {
          type = declared.type();
          typeOwner = eventType;
        } else if (type != declared.type()) {
          context.error(field.span(), what + " field '" + name + "' is " + type.keyword() + " in " + typeOwner.name()
              + " but " + declared.type().keyword() + " in " + eventType.name());
          ok = false;
          break;
        }
      }
      if (type != null) {
        keys.add(new KeyField(name, keys.size(), type));
      }
    }
    return ok ? keys : null;
  }
}
