package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.diag.Suggestions;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a bare name. Innermost first: select names (spikes), key fields (templates, spikes),
 * fields of the current event, then consts. Lists, tables, rules and step aliases are not values
 * and get a message saying how they are used.
 */
final class NameResolver {
  private final CheckContext context;

  NameResolver(CheckContext context) {
    this.context = context;
  }

  ValueType resolve(Expression.Reference reference, Scope scope) {
    String name = reference.name().value();
    for (Scope.Select select : scope.selects()) {
      if (select.name().equals(name)) {
        return bind(reference, new Resolution.SelectSlot(name, select.slot(), select.type()), select.type());
      }
    }
    for (KeyField key : scope.keys()) {
      if (key.name().equals(name)) {
        return bind(reference, new Resolution.KeyField(name, key.index(), key.type()), key.type());
      }
    }
    if (scope.event() != null) {
      EventType.Field field = scope.event().field(name);
      if (field != null) {
        return bind(reference, new Resolution.EventField(name, field.position(), field.type()), field.type());
      }
    }
    if (scope.step(name) != null) {
      context.error(reference.span(), "'" + name + "' is a pattern step, not a value; read one of its fields, e.g. "
          + name + ".id");
      return null;
    }
    Declaration declaration = context.symbols.lookup(name);
    if (declaration instanceof Declaration.ConstDecl) {
      ConstValue value = context.consts.get(name);
      if (value == null) {
        return null; // the const itself has an error
      }
      return bind(reference, new Resolution.Const(name, value.type()), value.type());
    }
    if (declaration instanceof Declaration.ListDecl) {
      context.error(reference.span(), "list '" + name + "' is not a value; use it as 'x in " + name
          + "' or any_prefix(x, " + name + ")");
      return null;
    }
    if (declaration instanceof Declaration.TableDecl) {
      context.error(reference.span(), "table '" + name + "' is not a value; read a cell as " + name + "[key].column");
      return null;
    }
    if (declaration != null) {
      context.error(reference.span(), "'" + name + "' is a " + declaration.kind() + ", not a value");
      return null;
    }
    context.error(reference.span(), unknown(name, scope));
    return null;
  }

  private String unknown(String name, Scope scope) {
    List<String> consts = context.symbols.namesOf(Declaration.ConstDecl.class);
    if (scope.event() != null) {
      String hint = Suggestions.didYouMean(name, scope.event().fieldNames());
      if (hint.isEmpty()) {
        hint = Suggestions.didYouMean(name, withKeysAndSelects(consts, scope));
      }
      return "unknown field '" + name + "' on " + scope.event().name() + hint;
    }
    List<String> candidates = withKeysAndSelects(consts, scope);
    String hint = Suggestions.didYouMean(name, candidates);
    if (hint.isEmpty() && !scope.steps().isEmpty()) {
      for (Scope.Step step : scope.steps()) {
        if (step.eventType() != null && step.eventType().field(name) != null) {
          return "unknown name '" + name + "'; a step's field is read as " + step.alias() + "." + name;
        }
      }
    }
    return "unknown name '" + name + "'" + hint;
  }

  private static List<String> withKeysAndSelects(List<String> consts, Scope scope) {
    List<String> candidates = new ArrayList<>();
    scope.keys().forEach(k -> candidates.add(k.name()));
    scope.selects().forEach(s -> candidates.add(s.name()));
    candidates.addAll(consts);
    return candidates;
  }

  private ValueType bind(Expression.Reference reference, Resolution resolution, ValueType type) {
    context.analysis.resolve(reference, resolution);
    return type;
  }
}
