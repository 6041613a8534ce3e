package dev.tollgate.dsl.plan;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.Metadata;
import dev.tollgate.dsl.ast.PatternDecl;
import dev.tollgate.dsl.ast.SourceSpan;
import dev.tollgate.dsl.ast.Template;
import dev.tollgate.dsl.check.CheckedAggregate;
import dev.tollgate.dsl.check.CheckedRoute;
import dev.tollgate.dsl.check.CheckedRule;
import dev.tollgate.dsl.check.CheckedRuleSet;
import dev.tollgate.dsl.check.CheckedTest;
import dev.tollgate.dsl.check.ConstValue;
import dev.tollgate.dsl.check.EventType;
import dev.tollgate.dsl.check.KeyField;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a checked rule set (one without errors) into a {@link RuleSetPlan}.
 *
 * <p>Choices the IR leaves to the compiler: a rule without {@code where} has the condition {@code
 * true}; suppression defaults to the rule's {@code window} or {@code within}, and to 0 for
 * single-event rules and for patterns bounded by a {@code deadline} (one alert per match); an
 * aggregate's metadata severity is its own, else its spike's, else {@code low}, and its category
 * defaults to {@code aggregate}; a spike without an alert gets a template naming the aggregate and
 * its group fields. Tests are compiled against their target compiled with the test's params.
 */
public final class PlanCompiler {
  private final CheckedRuleSet checked;
  private final Map<String, Integer> typeIds = new HashMap<>();
  private final List<EventTypePlan> eventTypes = new ArrayList<>();
  private final PlanPrinter printer;

  public PlanCompiler(CheckedRuleSet checked) {
    this.checked = checked;
    for (EventType type : checked.eventTypes()) {
      int id = eventTypes.size();
      typeIds.put(type.name(), id);
      List<EventTypePlan.FieldPlan> fields = type.fields().stream()
          .map(f -> new EventTypePlan.FieldPlan(f.name(), f.type(), f.position()))
          .toList();
      eventTypes.add(new EventTypePlan(id, type.name(), fields));
    }
    this.printer = new PlanPrinter(eventTypes);
  }

  public RuleSetPlan compile() {
    Map<String, RulePlan> rules = new LinkedHashMap<>();
    for (CheckedRule rule : checked.rules()) {
      rules.put(rule.id(), rule(rule, checked.consts()));
    }
    Map<String, AggregatePlan> aggregates = new LinkedHashMap<>();
    for (CheckedAggregate aggregate : checked.aggregates()) {
      aggregates.put(aggregate.id(), aggregate(aggregate, checked.consts()));
    }
    List<TestPlan> tests = new ArrayList<>();
    for (CheckedTest test : checked.tests()) {
      tests.add(test(test, rules, aggregates));
    }
    List<RoutePlan> routes = checked.routes().stream().map(this::route).toList();
    return new RuleSetPlan(eventTypes, new ArrayList<>(rules.values()), new ArrayList<>(aggregates.values()), tests,
        routes);
  }

  private RoutePlan route(CheckedRoute route) {
    RoutePlan unversioned = new RoutePlan(route.name(), "", route.condition(), route.destination(),
        location(route.declaration().span()));
    return new RoutePlan(route.name(), Versions.of(printer.versionText(unversioned)), route.condition(),
        route.destination(), unversioned.location());
  }

  private ExpressionLowering lowering(Map<String, ConstValue> consts, List<AggregateSpec> slots) {
    return new ExpressionLowering(checked.analysis(), consts, checked.lists(), checked.tables(), slots);
  }

  RulePlan rule(CheckedRule rule, Map<String, ConstValue> consts) {
    Declaration.RuleDecl declaration = rule.declaration();
    List<AggregateSpec> slots = new ArrayList<>();
    ExpressionLowering lowering = lowering(consts, slots);
    RuleBody body;
    long defaultSuppress;
    KeyPlan key;
    TemplatePlan alert;
    switch (rule.kind()) {
      case SINGLE_EVENT -> {
        body = new RuleBody.SingleEvent(typeIds.get(rule.eventType().name()), condition(declaration.where().orElse(null), lowering));
        defaultSuppress = 0;
        key = KeyPlan.NONE;
      }
      case WINDOWED -> {
        PlanExpr where = condition(declaration.where().orElse(null), lowering);
        PlanExpr having = lowering.lower(declaration.having().get());
        alert = template(declaration.alert().get(), lowering); // may add slots; read before building the body
        long window = declaration.window().get().millis();
        body = new RuleBody.Windowed(typeIds.get(rule.eventType().name()), where, window, slots, having);
        defaultSuppress = window;
        key = key(rule.keys(), List.of(rule.eventType()));
      }
      default -> {
        List<StepPlan> steps = new ArrayList<>();
        List<EventType> types = new ArrayList<>();
        for (CheckedRule.Step step : rule.steps()) {
          PatternDecl.Step source = step.declaration();
          types.add(step.eventType());
          steps.add(new StepPlan(step.alias(), typeIds.get(step.eventType().name()),
              condition(source.condition().orElse(null), lowering), step.minOccurrences(),
              step.maxOccurrences() < 0 ? StepPlan.UNBOUNDED : step.maxOccurrences(),
              source.contiguity() == PatternDecl.Contiguity.STRICT ? StepPlan.Contiguity.STRICT : StepPlan.Contiguity.RELAXED,
              step.absent()));
        }
        long within = declaration.within().map(Expression.DurationLiteral::millis).orElse(0L);
        PlanExpr deadline = declaration.deadline().map(lowering::lower).orElse(null);
        body = new RuleBody.Pattern(steps, within, deadline);
        defaultSuppress = within;
        key = key(rule.keys(), types);
      }
    }
    alert = template(declaration.alert().get(), lowering);
    long suppress = declaration.metadata().suppress().map(Expression.DurationLiteral::millis).orElse(defaultSuppress);
    RuleMetadata metadata = metadata(declaration.metadata(), rule.severity(), declaration.metadata().category().get().value(),
        rule.mode());
    RulePlan unversioned = new RulePlan(rule.id(), "", metadata, key, body, alert, suppress, location(declaration.span()));
    return new RulePlan(rule.id(), Versions.of(printer.versionText(unversioned)), metadata, key, body, alert, suppress,
        unversioned.location());
  }

  AggregatePlan aggregate(CheckedAggregate aggregate, Map<String, ConstValue> consts) {
    Declaration.AggregateDecl declaration = aggregate.declaration();
    ExpressionLowering lowering = lowering(consts, new ArrayList<>());
    int typeId = typeIds.get(aggregate.eventType().name());
    PlanExpr where = condition(declaration.where().orElse(null), lowering);
    List<AggregatePlan.GroupField> groupBy = aggregate.groupBy().stream()
        .map(g -> new AggregatePlan.GroupField(g.name(), aggregate.eventType().field(g.name()).position(), g.type()))
        .toList();
    var window = declaration.window().get();
    AggregatePlan.WindowPlan windowPlan = new AggregatePlan.WindowPlan(
        AggregatePlan.WindowKind.valueOf(window.kind().name()), window.size().millis(),
        window.slide().map(Expression.DurationLiteral::millis).orElse(window.size().millis()));
    List<AggregatePlan.SelectItem> select = new ArrayList<>();
    for (var item : declaration.select()) {
      select.add(new AggregatePlan.SelectItem(item.alias().value(), lowering.selectAggregate(item.expression())));
    }
    AggregatePlan.SpikePlan spike = declaration.spike().map(s -> new AggregatePlan.SpikePlan(
        lowering.lower(s.condition()), aggregate.spikeSeverity(),
        s.alert().map(t -> template(t, lowering)).orElseGet(() -> defaultSpikeAlert(aggregate)))).orElse(null);
    Severity severity = aggregate.severity() != null ? aggregate.severity()
        : aggregate.spikeSeverity() != null ? aggregate.spikeSeverity() : Severity.LOW;
    String category = declaration.metadata().category().map(c -> c.value()).orElse("aggregate");
    RuleMetadata metadata = metadata(declaration.metadata(), severity, category, aggregate.mode());
    AggregatePlan unversioned = new AggregatePlan(aggregate.id(), "", metadata, typeId, where, groupBy, windowPlan,
        select, spike, location(declaration.span()));
    return new AggregatePlan(aggregate.id(), Versions.of(printer.versionText(unversioned)), metadata, typeId, where,
        groupBy, windowPlan, select, spike, unversioned.location());
  }

  private static TemplatePlan defaultSpikeAlert(CheckedAggregate aggregate) {
    List<TemplatePlan.Part> parts = new ArrayList<>();
    parts.add(new TemplatePlan.Text("Spike in " + aggregate.id()));
    String separator = " for ";
    for (KeyField group : aggregate.groupBy()) {
      parts.add(new TemplatePlan.Text(separator + group.name() + " "));
      parts.add(new TemplatePlan.Value(group.name(), new PlanExpr.KeyField(group.name(), group.index(), group.type())));
      separator = ", ";
    }
    return new TemplatePlan(parts);
  }

  private TestPlan test(CheckedTest test, Map<String, RulePlan> rules, Map<String, AggregatePlan> aggregates) {
    Map<String, ConstValue> consts = new HashMap<>(checked.consts());
    consts.putAll(test.params());
    RulePlan rule = null;
    AggregatePlan aggregate = null;
    if (test.targetsRule()) {
      rule = test.params().isEmpty() ? rules.get(test.targetId()) : rule(find(checked.rules(), test.targetId()), consts);
    } else {
      aggregate = test.params().isEmpty() ? aggregates.get(test.targetId())
          : aggregate(checked.aggregates().stream().filter(a -> a.id().equals(test.targetId())).findFirst().get(), consts);
    }
    List<TestPlan.TestEvent> given = test.given().stream()
        .map(e -> new TestPlan.TestEvent(typeIds.get(e.type().name()), e.values(), e.line()))
        .toList();
    return new TestPlan(test.declaration().name().value(), location(test.declaration().span()), rule, aggregate, given,
        test.expectations());
  }

  private static CheckedRule find(List<CheckedRule> rules, String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst().get();
  }

  private static PlanExpr condition(Expression where, ExpressionLowering lowering) {
    return where == null ? new PlanExpr.Literal(Boolean.TRUE, ValueType.BOOLEAN) : lowering.lower(where);
  }

  private KeyPlan key(List<KeyField> keys, List<EventType> types) {
    if (keys.isEmpty()) {
      return KeyPlan.NONE;
    }
    Map<Integer, List<Integer>> positions = new HashMap<>();
    for (EventType type : types) {
      positions.put(typeIds.get(type.name()), keys.stream().map(k -> type.field(k.name()).position()).toList());
    }
    return new KeyPlan(keys.stream().map(KeyField::name).toList(), keys.stream().map(KeyField::type).toList(), positions);
  }

  private static TemplatePlan template(Template template, ExpressionLowering lowering) {
    List<TemplatePlan.Part> parts = new ArrayList<>();
    for (Template.Part part : template.parts()) {
      if (part instanceof Template.Text text) {
        parts.add(new TemplatePlan.Text(text.text()));
      } else {
        Template.Placeholder placeholder = (Template.Placeholder) part;
        parts.add(new TemplatePlan.Value(placeholder.source(), lowering.lower(placeholder.expression())));
      }
    }
    return new TemplatePlan(parts);
  }

  private static RuleMetadata metadata(Metadata metadata, Severity severity, String category, Mode mode) {
    return new RuleMetadata(severity, category, mode,
        metadata.title().map(Expression.StringLiteral::value).orElse(null),
        metadata.description().map(Expression.StringLiteral::value).orElse(null),
        metadata.tags().stream().map(Expression.StringLiteral::value).toList(),
        metadata.owner().map(Expression.StringLiteral::value).orElse(null));
  }

  private static String location(SourceSpan span) {
    return span.file() + ":" + span.line();
  }
}
