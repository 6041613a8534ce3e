package dev.tollgate.dsl.parser;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.Declaration.AggregateDecl;
import dev.tollgate.dsl.ast.Declaration.RouteDecl;
import dev.tollgate.dsl.ast.Declaration.RuleDecl;
import dev.tollgate.dsl.ast.Declaration.TestDecl;
import dev.tollgate.dsl.ast.Destination;
import dev.tollgate.dsl.ast.EventLiteral;
import dev.tollgate.dsl.ast.Expectation;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.Identifier;
import dev.tollgate.dsl.ast.Metadata;
import dev.tollgate.dsl.ast.Param;
import dev.tollgate.dsl.ast.PatternDecl;
import dev.tollgate.dsl.ast.SelectItem;
import dev.tollgate.dsl.ast.SourceSpan;
import dev.tollgate.dsl.ast.SpikeDecl;
import dev.tollgate.dsl.ast.Target;
import dev.tollgate.dsl.ast.Template;
import dev.tollgate.dsl.ast.Value;
import dev.tollgate.dsl.ast.WindowDecl;
import dev.tollgate.dsl.diag.Diagnostics;
import dev.tollgate.dsl.parser.TollgateParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the immutable AST from a parse tree. Declarations are built here; expressions by {@link
 * ExpressionBuilder}; a clause given twice is reported here, with both places, because only the
 * parse tree still knows clause order.
 */
final class AstBuilder {
  private final SpanFactory spans;
  private final Diagnostics diagnostics;
  private final ExpressionBuilder expressions;
  private final TemplateParser templates;

  AstBuilder(SpanFactory spans, Diagnostics diagnostics) {
    this.spans = spans;
    this.diagnostics = diagnostics;
    this.expressions = new ExpressionBuilder(spans, diagnostics);
    this.templates = new TemplateParser(spans.file(), diagnostics);
  }

  List<Declaration> ruleSet(RuleSetContext ctx) {
    List<Declaration> declarations = new ArrayList<>();
    for (DeclarationContext declaration : ctx.declaration()) {
      Declaration built = declaration(declaration);
      if (built != null) {
        declarations.add(built);
      }
    }
    return declarations;
  }

  Expression expression(ExpressionContext ctx) {
    return expressions.build(ctx);
  }

  private Declaration declaration(DeclarationContext ctx) {
    if (ctx instanceof EventDeclarationContext event) {
      List<Declaration.FieldDecl> fields = event.fieldDeclaration().stream()
          .map(f -> new Declaration.FieldDecl(identifier(f.name), identifier(f.type), spans.of(f)))
          .toList();
      return new Declaration.EventDecl(identifier(event.name), fields, spans.of(ctx));
    }
    if (ctx instanceof ConstDeclarationContext constant) {
      return new Declaration.ConstDecl(identifier(constant.name), expressions.literal(constant.initializer), spans.of(ctx));
    }
    if (ctx instanceof InlineListDeclarationContext list) {
      List<Expression> elements = list.literal().stream().map(expressions::literal).toList();
      return new Declaration.ListDecl(identifier(list.name), Optional.of(elements), Optional.empty(), spans.of(ctx));
    }
    if (ctx instanceof FileListDeclarationContext list) {
      return new Declaration.ListDecl(identifier(list.name), Optional.empty(), Optional.of(string(list.path)), spans.of(ctx));
    }
    if (ctx instanceof TableDeclarationContext table) {
      return new Declaration.TableDecl(identifier(table.name), string(table.path), identifier(table.keyColumn), spans.of(ctx));
    }
    if (ctx instanceof RuleDeclarationContext rule) {
      return rule(rule);
    }
    if (ctx instanceof AggregateDeclarationContext aggregate) {
      return aggregate(aggregate);
    }
    if (ctx instanceof TestDeclarationContext test) {
      return test(test);
    }
    if (ctx instanceof RouteDeclarationContext route) {
      return route(route);
    }
    return null;
  }

  private RuleDecl rule(RuleDeclarationContext ctx) {
    Clauses clauses = new Clauses("rule");
    MetadataBuilder metadata = new MetadataBuilder(clauses);
    Optional<Identifier> on = Optional.empty();
    Optional<Expression> where = Optional.empty();
    List<Identifier> key = List.of();
    Optional<Expression.DurationLiteral> window = Optional.empty();
    Optional<Expression> having = Optional.empty();
    Optional<PatternDecl> pattern = Optional.empty();
    Optional<Expression.DurationLiteral> within = Optional.empty();
    Optional<Expression> deadline = Optional.empty();
    Optional<Template> alert = Optional.empty();
    for (RuleClauseContext clause : ctx.ruleClause()) {
      if (clause instanceof RuleMetadataContext m) {
        metadata.add(m.metadataClause());
      } else if (clause instanceof OnClauseContext c && clauses.first("on", c)) {
        on = Optional.of(identifier(c.eventType));
      } else if (clause instanceof WhereClauseContext c && clauses.first("where", c)) {
        where = Optional.of(expressions.build(c.expression()));
      } else if (clause instanceof KeyClauseContext c && clauses.first("key", c)) {
        key = c.identifier().stream().map(this::identifier).toList();
      } else if (clause instanceof WindowClauseContext c && clauses.first("window", c)) {
        window = Optional.of(expressions.duration(c.DURATION().getSymbol()));
      } else if (clause instanceof HavingClauseContext c && clauses.first("having", c)) {
        having = Optional.of(expressions.build(c.expression()));
      } else if (clause instanceof PatternClauseContext c && clauses.first("pattern", c)) {
        pattern = Optional.of(pattern(c));
      } else if (clause instanceof WithinClauseContext c && clauses.first("within", c)) {
        within = Optional.of(expressions.duration(c.DURATION().getSymbol()));
      } else if (clause instanceof DeadlineClauseContext c && clauses.first("deadline", c)) {
        deadline = Optional.of(expressions.build(c.expression()));
      } else if (clause instanceof AlertClauseContext c && clauses.first("alert", c)) {
        alert = Optional.of(templates.parse(c.template.STRING().getSymbol(), spans.of(c.template)));
      }
    }
    return new RuleDecl(qualifiedName(ctx.name), metadata.build(), on, where, key, window, having, pattern, within,
        deadline, alert, spans.of(ctx));
  }

  private PatternDecl pattern(PatternClauseContext ctx) {
    List<PatternDecl.Step> steps = new ArrayList<>();
    steps.add(step(ctx.patternStep(), PatternDecl.Contiguity.FIRST));
    for (ThenStepContext then : ctx.thenStep()) {
      steps.add(step(then.patternStep(), then.NEXT() != null ? PatternDecl.Contiguity.STRICT : PatternDecl.Contiguity.RELAXED));
    }
    return new PatternDecl(steps, spans.of(ctx));
  }

  private PatternDecl.Step step(PatternStepContext ctx, PatternDecl.Contiguity contiguity) {
    if (ctx instanceof EventStepContext step) {
      Optional<Expression> condition = Optional.ofNullable(step.expression()).map(expressions::build);
      return new PatternDecl.EventStep(identifier(step.alias), identifier(step.eventType), condition,
          Optional.ofNullable(step.quantifier()).map(this::quantifier), contiguity, spans.of(ctx));
    }
    AbsentStepContext absent = (AbsentStepContext) ctx;
    Optional<Expression> condition = Optional.ofNullable(absent.expression()).map(expressions::build);
    return new PatternDecl.AbsentStep(identifier(absent.eventType), condition, contiguity, spans.of(ctx));
  }

  private PatternDecl.Quantifier quantifier(QuantifierContext ctx) {
    SourceSpan span = spans.of(ctx);
    if (ctx instanceof RepeatExactlyContext c) {
      int n = count(c.INTEGER().getSymbol());
      return new PatternDecl.Quantifier(n, Optional.of(n), span);
    }
    if (ctx instanceof RepeatAtLeastContext c) {
      return new PatternDecl.Quantifier(count(c.INTEGER().getSymbol()), Optional.empty(), span);
    }
    if (ctx instanceof RepeatBetweenContext c) {
      return new PatternDecl.Quantifier(count(c.INTEGER(0).getSymbol()), Optional.of(count(c.INTEGER(1).getSymbol())), span);
    }
    return new PatternDecl.Quantifier(0, Optional.of(1), span);
  }

  private AggregateDecl aggregate(AggregateDeclarationContext ctx) {
    Clauses clauses = new Clauses("aggregate");
    MetadataBuilder metadata = new MetadataBuilder(clauses);
    Optional<Identifier> on = Optional.empty();
    Optional<Expression> where = Optional.empty();
    List<Identifier> groupBy = List.of();
    Optional<WindowDecl> window = Optional.empty();
    List<SelectItem> select = List.of();
    Optional<SpikeDecl> spike = Optional.empty();
    for (AggregateClauseContext clause : ctx.aggregateClause()) {
      if (clause instanceof AggregateMetadataContext m) {
        metadata.add(m.metadataClause());
      } else if (clause instanceof AggregateOnContext c && clauses.first("on", c)) {
        on = Optional.of(identifier(c.eventType));
      } else if (clause instanceof AggregateWhereContext c && clauses.first("where", c)) {
        where = Optional.of(expressions.build(c.expression()));
      } else if (clause instanceof GroupByClauseContext c && clauses.first("group by", c)) {
        groupBy = c.identifier().stream().map(this::identifier).toList();
      } else if (clause instanceof TumblingWindowContext c && clauses.first("window", c)) {
        window = Optional.of(new WindowDecl(WindowDecl.Kind.TUMBLING, expressions.duration(c.size), Optional.empty(), spans.of(c)));
      } else if (clause instanceof SlidingWindowContext c && clauses.first("window", c)) {
        window = Optional.of(new WindowDecl(WindowDecl.Kind.SLIDING, expressions.duration(c.size),
            Optional.of(expressions.duration(c.slide)), spans.of(c)));
      } else if (clause instanceof SessionWindowContext c && clauses.first("window", c)) {
        window = Optional.of(new WindowDecl(WindowDecl.Kind.SESSION, expressions.duration(c.gap), Optional.empty(), spans.of(c)));
      } else if (clause instanceof SelectClauseContext c && clauses.first("select", c)) {
        select = c.selectItem().stream()
            .map(item -> new SelectItem(expressions.build(item.expression()), identifier(item.alias), spans.of(item)))
            .toList();
      } else if (clause instanceof SpikeClauseContext c && clauses.first("spike", c)) {
        Optional<Template> alert = Optional.ofNullable(c.template)
            .map(t -> templates.parse(t.STRING().getSymbol(), spans.of(t)));
        spike = Optional.of(new SpikeDecl(expressions.build(c.expression()), identifier(c.level), alert, spans.of(c)));
      }
    }
    return new AggregateDecl(qualifiedName(ctx.name), metadata.build(), on, where, groupBy, window, select, spike,
        spans.of(ctx));
  }

  private TestDecl test(TestDeclarationContext ctx) {
    Clauses clauses = new Clauses("test");
    Optional<Target> target = Optional.empty();
    List<Param> params = new ArrayList<>();
    List<EventLiteral> given = new ArrayList<>();
    List<Expectation> expectations = new ArrayList<>();
    for (TestClauseContext clause : ctx.testClause()) {
      if (clause instanceof TestRuleContext c && clauses.first("rule", c)) {
        target = Optional.of(new Target(Target.Kind.RULE, qualifiedName(c.target), spans.of(c)));
      } else if (clause instanceof TestAggregateContext c && clauses.first("rule", c)) {
        target = Optional.of(new Target(Target.Kind.AGGREGATE, qualifiedName(c.target), spans.of(c)));
      } else if (clause instanceof TestParamContext c) {
        params.add(new Param(identifier(c.name), expressions.literal(c.initializer), spans.of(c)));
      } else if (clause instanceof GivenClauseContext c) {
        for (EventLiteralContext event : c.eventLiteral()) {
          given.add(new EventLiteral(identifier(event.eventType), members(event.objectLiteral()), spans.of(event)));
        }
      } else if (clause instanceof ExpectNoAlertsContext c) {
        expectations.add(new Expectation.NoAlerts(spans.of(c)));
      } else if (clause instanceof ExpectAlertCountContext c) {
        expectations.add(new Expectation.AlertCount(count(c.count), spans.of(c)));
      } else if (clause instanceof ExpectRecordCountContext c) {
        expectations.add(new Expectation.RecordCount(count(c.count), spans.of(c)));
      } else if (clause instanceof ExpectAlertContext c) {
        expectations.add(new Expectation.AlertLike(members(c.objectLiteral()), spans.of(c)));
      } else if (clause instanceof ExpectRecordContext c) {
        expectations.add(new Expectation.RecordLike(members(c.objectLiteral()), spans.of(c)));
      }
    }
    Expression.StringLiteral title = string(ctx.name);
    return new TestDecl(new Identifier(title.value(), title.span()), target, params, given, expectations, spans.of(ctx));
  }

  private RouteDecl route(RouteDeclarationContext ctx) {
    Clauses clauses = new Clauses("route");
    Optional<Expression> when = Optional.empty();
    Optional<Destination> destination = Optional.empty();
    Optional<Expression.DurationLiteral> timeout = Optional.empty();
    Optional<Expression.NumberLiteral> retries = Optional.empty();
    Optional<Expression.DurationLiteral> backoff = Optional.empty();
    for (RouteClauseContext clause : ctx.routeClause()) {
      if (clause instanceof RouteWhenContext c && clauses.first("when", c)) {
        when = Optional.of(expressions.build(c.expression()));
      } else if (clause instanceof RouteToContext c && clauses.first("to", c)) {
        destination = Optional.of(destination(c));
      } else if (clause instanceof RouteTimeoutContext c && clauses.first("timeout", c)) {
        timeout = Optional.of(expressions.duration(c.DURATION().getSymbol()));
      } else if (clause instanceof RouteRetriesContext c && clauses.first("retries", c)) {
        retries = Optional.of(new Expression.NumberLiteral(java.math.BigDecimal.valueOf(count(c.count)), true,
            spans.of(c.count)));
      } else if (clause instanceof RouteBackoffContext c && clauses.first("backoff", c)) {
        backoff = Optional.of(expressions.duration(c.DURATION().getSymbol()));
      }
    }
    return new RouteDecl(qualifiedName(ctx.name), when, destination, timeout, retries, backoff, spans.of(ctx));
  }

  private Destination destination(RouteToContext ctx) {
    if (ctx.destination() instanceof KafkaDestinationContext kafka) {
      return new Destination.Kafka(string(kafka.topic), spans.of(ctx));
    }
    WebhookDestinationContext webhook = (WebhookDestinationContext) ctx.destination();
    return new Destination.Webhook(string(webhook.url), Optional.ofNullable(webhook.variable).map(this::string),
        spans.of(ctx));
  }

  private List<Value.Member> members(ObjectLiteralContext ctx) {
    return ctx.member().stream()
        .map(m -> new Value.Member(identifier(m.name), value(m.initializer), spans.of(m)))
        .toList();
  }

  private Value value(ValueContext ctx) {
    if (ctx instanceof LiteralValueContext c) {
      return new Value.Scalar(expressions.literal(c.literal()), spans.of(c));
    }
    if (ctx instanceof ArrayValueContext c) {
      return new Value.Array(c.value().stream().map(this::value).toList(), spans.of(c));
    }
    if (ctx instanceof ObjectValueContext c) {
      return new Value.Object(members(c.objectLiteral()), spans.of(c));
    }
    SymbolValueContext symbol = (SymbolValueContext) ctx;
    return new Value.Symbol(identifier(symbol.identifier()), spans.of(symbol));
  }

  private Identifier identifier(IdentifierContext ctx) {
    return new Identifier(ctx.getText(), spans.of(ctx));
  }

  private Identifier qualifiedName(QualifiedNameContext ctx) {
    String name = ctx.identifier().stream().map(IdentifierContext::getText).collect(Collectors.joining("."));
    return new Identifier(name, spans.of(ctx));
  }

  private Expression.StringLiteral string(StringContext ctx) {
    return expressions.string(ctx.STRING().getSymbol());
  }

  private int count(org.antlr.v4.runtime.Token token) {
    try {
      return Integer.parseInt(token.getText().replace("_", ""));
    } catch (NumberFormatException e) {
      diagnostics.error(spans.of(token), "number too large: " + token.getText());
      return 0;
    }
  }

  /** Remembers where each clause of a block was first given, to report repeats. */
  private final class Clauses {
    private final String block;
    private final java.util.Map<String, SourceSpan> seen = new java.util.HashMap<>();

    Clauses(String block) {
      this.block = block;
    }

    boolean first(String clause, org.antlr.v4.runtime.ParserRuleContext ctx) {
      SourceSpan span = spans.of(ctx);
      SourceSpan earlier = seen.putIfAbsent(clause, span);
      if (earlier != null) {
        diagnostics.error(span, "'" + clause + "' is given twice in this " + block + " (first at " + earlier.location() + ")");
        return false;
      }
      return true;
    }
  }

  private final class MetadataBuilder {
    private final Clauses clauses;
    private Optional<Identifier> severity = Optional.empty();
    private Optional<Identifier> category = Optional.empty();
    private Optional<Expression.StringLiteral> title = Optional.empty();
    private Optional<Expression.StringLiteral> description = Optional.empty();
    private List<Expression.StringLiteral> tags = List.of();
    private Optional<Expression.StringLiteral> owner = Optional.empty();
    private Optional<Identifier> mode = Optional.empty();
    private Optional<Expression.DurationLiteral> suppress = Optional.empty();

    MetadataBuilder(Clauses clauses) {
      this.clauses = clauses;
    }

    void add(MetadataClauseContext clause) {
      if (clause instanceof SeverityClauseContext c && clauses.first("severity", c)) {
        severity = Optional.of(identifier(c.level));
      } else if (clause instanceof CategoryClauseContext c && clauses.first("category", c)) {
        category = Optional.of(identifier(c.name));
      } else if (clause instanceof TitleClauseContext c && clauses.first("title", c)) {
        title = Optional.of(string(c.text));
      } else if (clause instanceof DescriptionClauseContext c && clauses.first("description", c)) {
        description = Optional.of(string(c.text));
      } else if (clause instanceof TagsClauseContext c && clauses.first("tags", c)) {
        tags = c.string().stream().map(AstBuilder.this::string).toList();
      } else if (clause instanceof OwnerClauseContext c && clauses.first("owner", c)) {
        owner = Optional.of(string(c.text));
      } else if (clause instanceof ModeClauseContext c && clauses.first("mode", c)) {
        mode = Optional.of(identifier(c.name));
      } else if (clause instanceof SuppressClauseContext c && clauses.first("suppress", c)) {
        suppress = Optional.of(expressions.duration(c.DURATION().getSymbol()));
      }
    }

    Metadata build() {
      return new Metadata(severity, category, title, description, tags, owner, mode, suppress);
    }
  }
}
