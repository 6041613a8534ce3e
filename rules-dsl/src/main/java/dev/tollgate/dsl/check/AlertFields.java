package dev.tollgate.dsl.check;

import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a route condition can read, learnt from the rule set's checked rules and spike aggregates:
 * the key fields their alerts carry (with types), and the categories and rule ids they produce.
 */
final class AlertFields {
  /** The fields every alert has, as a route writes them. */
  static final List<String> BUILT_IN = List.of("category", "severity", "ruleId", "tags");

  private final Map<String, KeyType> keys = new LinkedHashMap<>();
  private final Set<String> categories = new LinkedHashSet<>();
  private final Set<String> ruleIds = new LinkedHashSet<>();

  /** A key field's type, and the first rule that gave it; {@code conflict} names a disagreeing one. */
  record KeyType(String name, ValueType type, String owner, String conflict, ValueType conflictType) {}

  static AlertFields of(Collection<CheckedRule> rules, Collection<CheckedAggregate> aggregates) {
    AlertFields fields = new AlertFields();
    for (CheckedRule rule : rules) {
      fields.add(rule.id(), rule.declaration().metadata().category().map(c -> c.value()).orElse(null), rule.keys());
    }
    for (CheckedAggregate aggregate : aggregates) {
      if (aggregate.declaration().spike().isPresent()) {
        fields.add(aggregate.id(), aggregate.declaration().metadata().category().map(c -> c.value()).orElse("aggregate"),
            aggregate.groupBy());
      }
    }
    return fields;
  }

  private void add(String id, String category, List<KeyField> keyFields) {
    ruleIds.add(id);
    if (category != null) {
      categories.add(category);
    }
    for (KeyField key : keyFields) {
      KeyType known = keys.get(key.name());
      if (known == null) {
        keys.put(key.name(), new KeyType(key.name(), key.type(), id, null, null));
      } else if (known.conflict() == null && known.type() != key.type()) {
        ValueType common = Types.common(known.type(), key.type());
        keys.put(key.name(), common != null
            ? new KeyType(key.name(), common, known.owner(), null, null)
            : new KeyType(key.name(), known.type(), known.owner(), id, key.type()));
      }
    }
  }

  /** The key field of this name, or null if no rule has it. */
  KeyType key(String name) {
    return keys.get(name);
  }

  Collection<String> keyNames() {
    return keys.keySet();
  }

  Set<String> categories() {
    return categories;
  }

  Set<String> ruleIds() {
    return ruleIds;
  }

  /** Everything a route may name, for "did you mean" hints: built-ins and {@code key.<field>}. */
  List<String> writtenNames() {
    List<String> names = new ArrayList<>(BUILT_IN);
    keys.keySet().forEach(k -> names.add("key." + k));
    return names;
  }
}
