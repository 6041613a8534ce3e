package dev.tollgate.dsl.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A canonical, human-readable rendering of plans. Deterministic (no hash codes, no unordered
 * iteration; embedded lists and tables are rendered by content digest), so it serves both as the
 * input of {@link Versions} and as the text of golden tests and {@code explain}.
 */
public final class PlanPrinter {
  private final List<EventTypePlan> eventTypes;

  public PlanPrinter(List<EventTypePlan> eventTypes) {
    this.eventTypes = eventTypes;
  }

  /** The whole plan: event types, rules, aggregates and the tests' names and targets. */
  public String render(RuleSetPlan plan) {
    StringBuilder out = new StringBuilder();
    for (EventTypePlan type : plan.eventTypes()) {
      out.append("event ").append(type.name()).append(" #").append(type.typeId()).append(" {");
      for (EventTypePlan.FieldPlan field : type.fields()) {
        out.append(field.position() == 0 ? " " : ", ").append(field.name()).append(':').append(field.type());
      }
      out.append(" }\n");
    }
    for (RulePlan rule : plan.rules()) {
      out.append('\n').append(render(rule));
    }
    for (AggregatePlan aggregate : plan.aggregates()) {
      out.append('\n').append(render(aggregate));
    }
    for (RoutePlan route : plan.routes()) {
      out.append('\n').append(render(route));
    }
    if (!plan.tests().isEmpty()) {
      out.append('\n');
    }
    for (TestPlan test : plan.tests()) {
      out.append("test \"").append(test.name()).append("\" -> ").append(test.targetId())
          .append(" @").append(test.rule() != null ? test.rule().version() : test.aggregate().version())
          .append(": ").append(test.given().size()).append(" events, ").append(test.expectations().size())
          .append(" expectations\n");
    }
    return out.toString();
  }

  public String render(RulePlan rule) {
    return "rule " + rule.id() + " @" + rule.version() + " (" + rule.location() + ")\n" + versionText(rule);
  }

  public String render(AggregatePlan aggregate) {
    return "aggregate " + aggregate.id() + " @" + aggregate.version() + " (" + aggregate.location() + ")\n"
        + versionText(aggregate);
  }

  public String render(RoutePlan route) {
    return "route " + route.name() + " @" + route.version() + " (" + route.location() + ")\n" + versionText(route);
  }

  /** What a route's version covers: condition and destination (the secret's variable, not its value). */
  String versionText(RoutePlan route) {
    StringBuilder out = new StringBuilder();
    line(out, "when " + condition(route.condition()));
    RouteDestination destination = route.destination();
    if (destination instanceof RouteDestination.Kafka kafka) {
      line(out, "to kafka \"" + escape(kafka.topic()) + "\"");
    } else {
      RouteDestination.Webhook webhook = (RouteDestination.Webhook) destination;
      line(out, "to webhook \"" + escape(webhook.url()) + "\" secret env " + webhook.secretVariable());
      line(out, "timeout " + webhook.timeoutMillis() + "ms, retries " + webhook.retries() + ", backoff "
          + webhook.backoffMillis() + "ms");
    }
    return out.toString();
  }

  /** A route condition, fully parenthesised, with the type of every value. */
  public String condition(RouteCondition condition) {
    if (condition instanceof RouteCondition.Always) {
      return "always";
    } else if (condition instanceof RouteCondition.All all) {
      return joinConditions("and", all.operands());
    } else if (condition instanceof RouteCondition.Any any) {
      return joinConditions("or", any.operands());
    } else if (condition instanceof RouteCondition.Not not) {
      return "(not " + condition(not.operand()) + ")";
    } else if (condition instanceof RouteCondition.Compare compare) {
      return "(" + field(compare.field()) + " " + compare.op().symbol() + " " + literal(compare.value(),
          compare.field().type()) + ")";
    } else if (condition instanceof RouteCondition.OneOf oneOf) {
      return "(" + field(oneOf.field()) + (oneOf.negated() ? " not in [" : " in [")
          + String.join(", ", oneOf.values().stream().map(v -> literal(v, oneOf.field().type())).toList()) + "])";
    } else if (condition instanceof RouteCondition.SeverityCompare severity) {
      return "(severity " + severity.op().symbol() + " " + severity.level().keyword() + ")";
    } else if (condition instanceof RouteCondition.SeverityOneOf severity) {
      return "(severity" + (severity.negated() ? " not in [" : " in [")
          + String.join(", ", severity.levels().stream().map(Severity::keyword).toList()) + "])";
    } else if (condition instanceof RouteCondition.HasTag tag) {
      return "(\"" + escape(tag.tag()) + "\"" + (tag.negated() ? " not in tags)" : " in tags)");
    } else if (condition instanceof RouteCondition.IsNull isNull) {
      return "(" + field(isNull.field()) + (isNull.negated() ? " is not null)" : " is null)");
    }
    RouteCondition.TextTest text = (RouteCondition.TextTest) condition;
    return text.function().sqlName() + "(" + field(text.field()) + ", \"" + escape(text.text()) + "\")";
  }

  private String joinConditions(String op, List<RouteCondition> operands) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < operands.size(); i++) {
      out.append(i == 0 ? "" : " " + op + " ").append(condition(operands.get(i)));
    }
    return out.append(')').toString();
  }

  private static String field(RouteCondition.AlertField field) {
    return field.written() + ":" + field.type();
  }

  /** What a rule's version covers: body, key, suppression, template, severity, category, mode. */
  String versionText(RulePlan rule) {
    StringBuilder out = new StringBuilder();
    RuleMetadata m = rule.metadata();
    line(out, "severity " + m.severity().keyword() + ", category " + m.category() + ", mode " + m.mode().keyword());
    if (!rule.key().isEmpty()) {
      StringBuilder key = new StringBuilder("key");
      for (int i = 0; i < rule.key().fields().size(); i++) {
        key.append(i == 0 ? " " : ", ").append(rule.key().fields().get(i)).append(':').append(rule.key().types().get(i));
      }
      new TreeMap<>(rule.key().positionsByType()).forEach((type, positions) ->
          key.append(" | ").append(typeName(type)).append(positions));
      line(out, key.toString());
    }
    RuleBody body = rule.body();
    if (body instanceof RuleBody.SingleEvent single) {
      line(out, "on " + typeName(single.eventType()) + " where " + expr(single.condition()));
    } else if (body instanceof RuleBody.Windowed windowed) {
      line(out, "on " + typeName(windowed.eventType()) + " where " + expr(windowed.condition()));
      line(out, "window " + windowed.windowMillis() + "ms");
      for (int i = 0; i < windowed.aggregates().size(); i++) {
        line(out, "  $" + i + " = " + aggregate(windowed.aggregates().get(i)));
      }
      line(out, "having " + expr(windowed.having()));
    } else {
      RuleBody.Pattern pattern = (RuleBody.Pattern) body;
      line(out, "pattern");
      for (StepPlan step : pattern.steps()) {
        line(out, "  " + (step.contiguity() == StepPlan.Contiguity.STRICT ? "next " : "then ")
            + (step.absent() ? "not " : step.alias() + ": ") + typeName(step.eventType())
            + " {" + step.minOccurrences() + "," + (step.maxOccurrences() == StepPlan.UNBOUNDED ? "*" : step.maxOccurrences())
            + "} where " + expr(step.condition()));
      }
      line(out, pattern.deadline() != null ? "deadline " + expr(pattern.deadline()) : "within " + pattern.withinMillis() + "ms");
    }
    line(out, "suppress " + rule.suppressMillis() + "ms");
    line(out, "alert " + template(rule.alert()));
    return out.toString();
  }

  String versionText(AggregatePlan aggregate) {
    StringBuilder out = new StringBuilder();
    RuleMetadata m = aggregate.metadata();
    line(out, "severity " + m.severity().keyword() + ", category " + m.category() + ", mode " + m.mode().keyword());
    line(out, "on " + typeName(aggregate.eventType()) + " where " + expr(aggregate.condition()));
    StringBuilder group = new StringBuilder("group by");
    for (AggregatePlan.GroupField field : aggregate.groupBy()) {
      group.append(' ').append(field.name()).append('#').append(field.position()).append(':').append(field.type());
    }
    line(out, group.toString());
    AggregatePlan.WindowPlan window = aggregate.window();
    line(out, "window " + window.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + window.sizeMillis() + "ms every "
        + window.slideMillis() + "ms");
    for (int i = 0; i < aggregate.select().size(); i++) {
      AggregatePlan.SelectItem item = aggregate.select().get(i);
      line(out, "  $" + i + " " + item.name() + " = " + aggregate(item.aggregate()));
    }
    if (aggregate.spike() != null) {
      line(out, "spike " + expr(aggregate.spike().condition()) + " severity " + aggregate.spike().severity().keyword());
      line(out, "alert " + template(aggregate.spike().alert()));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String text) {
    out.append("  ").append(text).append('\n');
  }

  private String typeName(int typeId) {
    return typeId >= 0 && typeId < eventTypes.size() ? eventTypes.get(typeId).name() : "#" + typeId;
  }

  private String aggregate(AggregateSpec spec) {
    return spec.function().sqlName() + "(" + (spec.argument() == null ? "" : expr(spec.argument())) + "):" + spec.type();
  }

  private String template(TemplatePlan template) {
    StringBuilder out = new StringBuilder("\"");
    for (TemplatePlan.Part part : template.parts()) {
      if (part instanceof TemplatePlan.Text text) {
        out.append(escape(text.text()));
      } else {
        out.append('{').append(expr(((TemplatePlan.Value) part).expression())).append('}');
      }
    }
    return out.append('"').toString();
  }

  /** An expression, fully parenthesised, with the type of every leaf. */
  public String expr(PlanExpr e) {
    if (e instanceof PlanExpr.Literal l) {
      return literal(l.value(), l.type());
    } else if (e instanceof PlanExpr.EventField f) {
      return f.name() + "#" + f.position() + ":" + f.type();
    } else if (e instanceof PlanExpr.StepField f) {
      return f.step() + "[" + f.stepIndex() + "]." + f.field() + "#" + f.position() + ":" + f.type();
    } else if (e instanceof PlanExpr.StepAggregate a) {
      return a.function().sqlName() + "(" + a.step() + "[" + a.stepIndex() + "]" + (a.position() < 0 ? "" : "#" + a.position())
          + "):" + a.type();
    } else if (e instanceof PlanExpr.WindowAggregate w) {
      return "$" + w.slot() + ":" + w.type();
    } else if (e instanceof PlanExpr.KeyField k) {
      return "key." + k.name() + "[" + k.index() + "]:" + k.type();
    } else if (e instanceof PlanExpr.Baseline b) {
      return "baseline($" + b.slot() + ", " + b.windows() + "):" + b.type();
    } else if (e instanceof PlanExpr.Cast c) {
      return "cast(" + expr(c.operand()) + " as " + c.type() + ")";
    } else if (e instanceof PlanExpr.Negate n) {
      return "(-" + expr(n.operand()) + ")";
    } else if (e instanceof PlanExpr.Arithmetic a) {
      return "(" + expr(a.left()) + " " + a.op().symbol() + " " + expr(a.right()) + "):" + a.type();
    } else if (e instanceof PlanExpr.Comparison c) {
      return "(" + expr(c.left()) + " " + c.op().symbol() + " " + expr(c.right()) + ")";
    } else if (e instanceof PlanExpr.And a) {
      return join("and", a.operands());
    } else if (e instanceof PlanExpr.Or o) {
      return join("or", o.operands());
    } else if (e instanceof PlanExpr.Not n) {
      return "(not " + expr(n.operand()) + ")";
    } else if (e instanceof PlanExpr.InList in) {
      return "(" + expr(in.value()) + (in.negated() ? " not in " : " in ") + list(in.list()) + ")";
    } else if (e instanceof PlanExpr.Between b) {
      return "(" + expr(b.value()) + (b.negated() ? " not between " : " between ") + expr(b.low()) + " and " + expr(b.high()) + ")";
    } else if (e instanceof PlanExpr.IsNull n) {
      return "(" + expr(n.value()) + (n.negated() ? " is not null)" : " is null)");
    } else if (e instanceof PlanExpr.Matches m) {
      return "matches(" + expr(m.value()) + ", \"" + escape(m.regex()) + "\")";
    } else if (e instanceof PlanExpr.AnyPrefix p) {
      return "any_prefix(" + expr(p.value()) + ", " + list(p.list()) + ")";
    } else if (e instanceof PlanExpr.Call c) {
      StringBuilder out = new StringBuilder(c.function().sqlName()).append('(');
      for (int i = 0; i < c.arguments().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(expr(c.arguments().get(i)));
      }
      return out.append("):").append(c.type()).toString();
    }
    PlanExpr.TableLookup t = (PlanExpr.TableLookup) e;
    return table(t.table()) + "[" + expr(t.key()) + "]." + t.table().columns().get(t.column()).name() + ":" + t.type();
  }

  private String join(String op, List<PlanExpr> operands) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < operands.size(); i++) {
      out.append(i == 0 ? "" : " " + op + " ").append(expr(operands.get(i)));
    }
    return out.append(')').toString();
  }

  private static String list(ListPlan list) {
    StringBuilder values = new StringBuilder();
    for (Object value : list.values()) {
      values.append(literal(value, list.elementType())).append('\n');
    }
    if (list.values().size() <= 8) {
      return (list.name().isEmpty() ? "" : list.name()) + "[" + values.toString().strip().replace("\n", ", ") + "]:"
          + list.elementType();
    }
    return list.name() + "<" + list.values().size() + " " + list.elementType() + " values, sha256 "
        + Versions.of(values.toString()) + ">";
  }

  private static String table(TablePlan table) {
    StringBuilder content = new StringBuilder();
    table.columns().forEach(c -> content.append(c.name()).append(':').append(c.type()).append(','));
    content.append('\n');
    table.rows().forEach((key, row) -> {
      content.append(key);
      row.forEach(cell -> content.append(',').append(cell == null ? "" : literal(cell, null)));
      content.append('\n');
    });
    return table.name() + "<key " + table.keyColumn() + ", " + table.rows().size() + " rows, sha256 "
        + Versions.of(content.toString()) + ">";
  }

  static String literal(Object value, dev.tollgate.dsl.types.ValueType type) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "\"" + escape(s) + "\"";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString() + (type == null ? "" : "D");
    }
    if (type == dev.tollgate.dsl.types.ValueType.DURATION) {
      return value + "ms";
    }
    if (type == dev.tollgate.dsl.types.ValueType.TIMESTAMP) {
      return Instant.ofEpochMilli((Long) value).toString();
    }
    if (value instanceof Long l) {
      return l + (type == null ? "" : "L");
    }
    if (value instanceof Double d) {
      return d + "d";
    }
    return String.valueOf(value);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static Map<Integer, List<Integer>> sorted(Map<Integer, List<Integer>> map) {
    return new TreeMap<>(map);
  }
}
