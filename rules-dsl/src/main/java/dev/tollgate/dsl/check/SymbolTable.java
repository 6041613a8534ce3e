package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.RuleFile;
import dev.tollgate.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one namespace of a rule set: events, consts, lists, tables, rules, aggregates and tests.
 * The first declaration of a name wins; later ones are reported with both places.
 */
public final class SymbolTable {
  private final Map<String, Declaration> byName = new LinkedHashMap<>();

  static SymbolTable build(List<RuleFile> files, Diagnostics diagnostics) {
    SymbolTable table = new SymbolTable();
    for (RuleFile file : files) {
      for (Declaration declaration : file.declarations()) {
        String name = declaration.name().value();
        Declaration earlier = table.byName.putIfAbsent(name, declaration);
        if (earlier != null) {
          diagnostics.error(declaration.name().span(), "duplicate name '" + name + "': also declared as "
              + earlier.kind() + " at " + earlier.name().span().location());
        }
      }
    }
    return table;
  }

  /** The declaration of {@code name}, or null. */
  public Declaration lookup(String name) {
    return byName.get(name);
  }

  /** The declaration of {@code name} if it is of class {@code kind}, else null. */
  public <T extends Declaration> T lookup(String name, Class<T> kind) {
    Declaration declaration = byName.get(name);
    return kind.isInstance(declaration) ? kind.cast(declaration) : null;
  }

  /** Names of declarations of class {@code kind}, in declaration order (for suggestions). */
  public List<String> namesOf(Class<? extends Declaration> kind) {
    List<String> names = new ArrayList<>();
    byName.forEach((name, declaration) -> {
      if (kind.isInstance(declaration)) {
        names.add(name);
      }
    });
    return names;
  }

  /** Every retained declaration, in declaration order (files sorted by path). */
  public List<Declaration> declarations() {
    return new ArrayList<>(byName.values());
  }

  /** Whether {@code declaration} is the one the name resolves to (not a rejected duplicate). */
  public boolean owns(Declaration declaration) {
    return byName.get(declaration.name().value()) == declaration;
  }
}
