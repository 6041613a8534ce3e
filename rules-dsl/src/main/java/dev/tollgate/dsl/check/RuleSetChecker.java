package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.diag.Diagnostics;
import dev.tollgate.dsl.load.LoadedRuleSet;
import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Type-checks a loaded rule set in one pass, reporting every finding: names first (one namespace),
 * then event types, consts (with overrides), lists and tables, then rules, aggregates and tests,
 * then routes (over the fields of the alerts those rules produce).
 * Declarations with errors are left out of the result; the caller plans only when there are none.
 */
public final class RuleSetChecker {
  private final Diagnostics diagnostics;

  public RuleSetChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks {@code loaded}; {@code overrides} are {@code --param name=value} pairs. */
  public CheckedRuleSet check(LoadedRuleSet loaded, Map<String, String> overrides) {
    SymbolTable symbols = SymbolTable.build(loaded.files(), diagnostics);
    CheckContext context = new CheckContext(symbols, diagnostics);
    List<Declaration> declarations = new ArrayList<>();
    loaded.files().forEach(file -> declarations.addAll(file.declarations()));

    EventChecker events = new EventChecker(diagnostics);
    ConstChecker consts = new ConstChecker(context);
    for (Declaration declaration : declarations) {
      boolean owner = symbols.owns(declaration);
      if (declaration instanceof Declaration.EventDecl event) {
        EventType type = events.check(event);
        if (owner) {
          context.eventTypes.put(type.name(), type);
        }
      } else if (declaration instanceof Declaration.ConstDecl constant) {
        ConstValue value = consts.constant(constant);
        if (owner && value != null) {
          context.consts.put(constant.name().value(), value);
        }
      } else if (declaration instanceof Declaration.ListDecl list) {
        ListPlan plan = list.file().isPresent()
            ? fileList(list, loaded) : consts.inlineList(list);
        if (owner && plan != null) {
          context.lists.put(plan.name(), plan);
        }
      } else if (declaration instanceof Declaration.TableDecl table && owner && loaded.tables().containsKey(table)) {
        context.tables.put(table.name().value(), loaded.tables().get(table));
      }
    }
    consts.applyOverrides(overrides, context.consts);

    ExpressionChecker expressions = new ExpressionChecker(context);
    RuleChecker ruleChecker = new RuleChecker(context, expressions);
    AggregateChecker aggregateChecker = new AggregateChecker(context, expressions, ruleChecker);
    Map<String, CheckedRule> rules = new LinkedHashMap<>();
    Map<String, CheckedAggregate> aggregates = new LinkedHashMap<>();
    for (Declaration declaration : declarations) {
      if (declaration instanceof Declaration.RuleDecl rule) {
        CheckedRule checked = ruleChecker.check(rule);
        if (checked != null && symbols.owns(rule)) {
          rules.put(checked.id(), checked);
        }
      } else if (declaration instanceof Declaration.AggregateDecl aggregate) {
        CheckedAggregate checked = aggregateChecker.check(aggregate);
        if (checked != null && symbols.owns(aggregate)) {
          aggregates.put(checked.id(), checked);
        }
      }
    }
    TestChecker testChecker = new TestChecker(context, rules, aggregates);
    List<CheckedTest> tests = new ArrayList<>();
    for (Declaration declaration : declarations) {
      if (declaration instanceof Declaration.TestDecl test) {
        CheckedTest checked = testChecker.check(test);
        if (checked != null) {
          tests.add(checked);
        }
      }
    }
    RouteChecker routeChecker = new RouteChecker(context, AlertFields.of(rules.values(), aggregates.values()));
    List<CheckedRoute> routes = new ArrayList<>();
    for (Declaration declaration : declarations) {
      if (declaration instanceof Declaration.RouteDecl route) {
        CheckedRoute checked = routeChecker.check(route);
        if (checked != null && symbols.owns(route)) {
          routes.add(checked);
        }
      }
    }
    return new CheckedRuleSet(new ArrayList<>(context.eventTypes.values()), context.consts, context.lists,
        context.tables, new ArrayList<>(rules.values()), new ArrayList<>(aggregates.values()), tests, routes,
        context.analysis);
  }

  private static ListPlan fileList(Declaration.ListDecl list, LoadedRuleSet loaded) {
    List<String> values = loaded.lists().get(list);
    return values == null ? null : new ListPlan(list.name().value(), ValueType.STRING, new ArrayList<>(values));
  }
}
