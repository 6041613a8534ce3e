package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration.AggregateDecl;
import dev.tollgate.dsl.ast.SelectItem;
import dev.tollgate.dsl.ast.WindowDecl;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks {@code aggregate} blocks: event type, group fields, window, select items (each one
 * aggregate call with a unique name) and the optional spike alert over select names, group fields
 * and baselines.
 */
final class AggregateChecker {
  private final CheckContext context;
  private final ExpressionChecker expressions;
  private final RuleChecker rules;

  AggregateChecker(CheckContext context, ExpressionChecker expressions, RuleChecker rules) {
    this.context = context;
    this.expressions = expressions;
    this.rules = rules;
  }

  CheckedAggregate check(AggregateDecl aggregate) {
    String id = aggregate.name().value();
    MetadataChecker metadata = new MetadataChecker(context);
    metadata.checkAggregate(id, aggregate.metadata());
    Severity severity = aggregate.metadata().severity().map(metadata::severity).orElse(null);
    Mode mode = aggregate.metadata().mode().map(m -> Mode.valueOf(validMode(m.value()))).orElse(Mode.ACTIVE);
    aggregate.window().ifPresentOrElse(this::window,
        () -> context.error(aggregate.name().span(), "aggregate " + id + " has no window (add 'window tumbling 1h')"));
    if (aggregate.select().isEmpty()) {
      context.error(aggregate.name().span(), "aggregate " + id + " has no select (add 'select count() as events')");
    }
    if (aggregate.on().isEmpty()) {
      context.error(aggregate.name().span(), "aggregate " + id + " has no 'on <EventType>'");
      return null;
    }
    EventType event = rules.eventType(aggregate.on().get());
    if (event == null) {
      return null;
    }
    aggregate.where().ifPresent(where -> expressions.condition(where, Scope.row("where", event)));
    List<KeyField> groupBy = new KeyChecker(context).check(aggregate.groupBy(), List.of(event), "group");
    List<CheckedAggregate.Output> outputs = outputs(aggregate, event, groupBy);
    Severity spikeSeverity = null;
    if (aggregate.spike().isPresent() && outputs != null && groupBy != null) {
      var spike = aggregate.spike().get();
      List<Scope.Select> selects = outputs.stream().map(o -> new Scope.Select(o.name(), o.slot(), o.type())).toList();
      Scope scope = new Scope("spike", null, groupBy, List.of(), Scope.Aggregates.BASELINE, selects);
      expressions.condition(spike.condition(), scope);
      spikeSeverity = metadata.severity(spike.severity());
      spike.alert().ifPresent(alert -> new TemplateChecker(context, expressions).check(alert,
          new Scope("the alert", null, groupBy, List.of(), Scope.Aggregates.BASELINE, selects)));
    }
    if (groupBy == null || outputs == null || aggregate.window().isEmpty()) {
      return null;
    }
    return new CheckedAggregate(aggregate, event, groupBy, outputs, severity, spikeSeverity, mode);
  }

  private static String validMode(String written) {
    for (Mode mode : Mode.values()) {
      if (mode.keyword().equals(written)) {
        return mode.name();
      }
    }
    return Mode.ACTIVE.name();
  }

  private void window(WindowDecl window) {
    rules.positive(window.size(), "window");
    window.slide().ifPresent(slide -> {
      rules.positive(slide, "slide");
      if (slide.millis() > window.size().millis()) {
        context.error(slide.span(), "slide " + slide.text() + " is longer than the window " + window.size().text());
      } else if (slide.millis() > 0 && window.size().millis() % slide.millis() != 0) {
        context.error(slide.span(), "window " + window.size().text() + " is not a whole number of slides of " + slide.text());
      }
    });
  }

  private List<CheckedAggregate.Output> outputs(AggregateDecl aggregate, EventType event, List<KeyField> groupBy) {
    List<CheckedAggregate.Output> outputs = new ArrayList<>();
    Map<String, SelectItem> names = new HashMap<>();
    boolean ok = true;
    Scope scope = Scope.row("select", event).withAggregates(Scope.Aggregates.WINDOW);
    for (SelectItem item : aggregate.select()) {
      String name = item.alias().value();
      SelectItem earlier = names.putIfAbsent(name, item);
      if (earlier != null) {
        context.error(item.alias().span(), "duplicate select name '" + name + "' (first at " + earlier.alias().span().location() + ")");
        ok = false;
      } else if (groupBy != null && groupBy.stream().anyMatch(g -> g.name().equals(name))
          || name.equals("aggregate") || name.equals("window_start") || name.equals("window_end")) {
        context.error(item.alias().span(), "select name '" + name + "' clashes with a field of the output record");
        ok = false;
      }
      ValueType type = expressions.check(item.expression(), scope);
      if (type == null) {
        ok = false;
        continue;
      }
      if (!(context.analysis.resolutionOf(item.expression()) instanceof Resolution.WindowAggregate)) {
        context.error(item.expression().span(), "a select item must be one aggregate, such as count() or sum(amount)");
        ok = false;
        continue;
      }
      outputs.add(new CheckedAggregate.Output(name, outputs.size(), type));
    }
    return ok ? outputs : null;
  }
}
