package dev.tollgate.dsl.ast;

import dev.tollgate.dsl.ast.Declaration.AggregateDecl;
import dev.tollgate.dsl.ast.Declaration.ConstDecl;
import dev.tollgate.dsl.ast.Declaration.EventDecl;
import dev.tollgate.dsl.ast.Declaration.ListDecl;
import dev.tollgate.dsl.ast.Declaration.RouteDecl;
import dev.tollgate.dsl.ast.Declaration.RuleDecl;
import dev.tollgate.dsl.ast.Declaration.TableDecl;
import dev.tollgate.dsl.ast.Declaration.TestDecl;
import java.util.ArrayList;
import java.util.List;

/**
 * A canonical, indented, S-expression-like rendering of a parsed file, for golden tests and for
 * debugging the parser.
 *
 * <p>Each node is {@code (kind @line:col attributes...)} followed by its children, one per line and
 * indented two spaces deeper; the closing parenthesis ends the node's last line. Names are written
 * {@code name@line:col}. Clauses that the AST keeps as plain fields ({@code where}, {@code key},
 * {@code window}, ...) appear as span-less groups such as {@code (where ...)}, in source-clause
 * order of the AST record; absent optional clauses are omitted. A test value that is a literal is
 * printed as the literal itself (its span is the literal's). Output depends only on the AST, so
 * the same text always prints the same way.
 */
public final class AstPrinter {
  private static final String INDENT = "  ";

  private final List<String> lines = new ArrayList<>();
  private int depth;

  private AstPrinter() {}

  /** The whole file, declarations in source order, ending with a newline. */
  public static String print(RuleFile file) {
    AstPrinter printer = new AstPrinter();
    printer.open("file " + quote(file.path()));
    for (Declaration declaration : file.declarations()) {
      printer.declaration(declaration);
    }
    printer.close();
    return String.join("\n", printer.lines) + "\n";
  }

  /** One expression, ending with a newline. */
  public static String print(Expression expression) {
    AstPrinter printer = new AstPrinter();
    printer.expression(expression);
    return String.join("\n", printer.lines) + "\n";
  }

  // --- declarations -------------------------------------------------------------------------

  private void declaration(Declaration declaration) {
    if (declaration instanceof EventDecl event) {
      open("event", event.span(), name(event.name()));
      for (Declaration.FieldDecl field : event.fields()) {
        leaf("field", field.span(), name(field.name()) + " " + name(field.type()));
      }
      close();
    } else if (declaration instanceof ConstDecl constant) {
      open("const", constant.span(), name(constant.name()));
      expression(constant.value());
      close();
    } else if (declaration instanceof ListDecl list) {
      open("list", list.span(), name(list.name()));
      list.file().ifPresent(path -> group("file", () -> expression(path)));
      list.elements().ifPresent(elements -> group("values", () -> elements.forEach(this::expression)));
      close();
    } else if (declaration instanceof TableDecl table) {
      open("table", table.span(), name(table.name()));
      group("file", () -> expression(table.file()));
      group("key " + name(table.keyColumn()));
      close();
    } else if (declaration instanceof RuleDecl rule) {
      rule(rule);
    } else if (declaration instanceof AggregateDecl aggregate) {
      aggregate(aggregate);
    } else if (declaration instanceof TestDecl test) {
      test(test);
    } else if (declaration instanceof RouteDecl route) {
      route(route);
    } else {
      throw new IllegalArgumentException("no rendering for " + declaration.getClass().getName());
    }
  }

  private void rule(RuleDecl rule) {
    open("rule", rule.span(), name(rule.name()));
    metadata(rule.metadata());
    rule.on().ifPresent(on -> group("on " + name(on)));
    rule.where().ifPresent(where -> group("where", () -> expression(where)));
    if (!rule.key().isEmpty()) {
      group("key " + names(rule.key()));
    }
    rule.window().ifPresent(window -> group("window", () -> expression(window)));
    rule.having().ifPresent(having -> group("having", () -> expression(having)));
    rule.pattern().ifPresent(this::pattern);
    rule.within().ifPresent(within -> group("within", () -> expression(within)));
    rule.deadline().ifPresent(deadline -> group("deadline", () -> expression(deadline)));
    rule.alert().ifPresent(alert -> group("alert", () -> template(alert)));
    close();
  }

  private void metadata(Metadata metadata) {
    metadata.severity().ifPresent(severity -> group("severity " + name(severity)));
    metadata.category().ifPresent(category -> group("category " + name(category)));
    metadata.title().ifPresent(title -> group("title", () -> expression(title)));
    metadata.description().ifPresent(description -> group("description", () -> expression(description)));
    if (!metadata.tags().isEmpty()) {
      group("tags", () -> metadata.tags().forEach(this::expression));
    }
    metadata.owner().ifPresent(owner -> group("owner", () -> expression(owner)));
    metadata.mode().ifPresent(mode -> group("mode " + name(mode)));
    metadata.suppress().ifPresent(suppress -> group("suppress", () -> expression(suppress)));
  }

  private void pattern(PatternDecl pattern) {
    open("pattern", pattern.span(), null);
    for (PatternDecl.Step step : pattern.steps()) {
      String contiguity = step.contiguity().name().toLowerCase(java.util.Locale.ROOT);
      if (step instanceof PatternDecl.EventStep event) {
        open("step", event.span(), contiguity + " " + name(event.alias()) + " " + name(event.eventType()));
        event.condition().ifPresent(condition -> group("where", () -> expression(condition)));
        event.quantifier().ifPresent(q -> leaf("quantifier", q.span(),
            q.min() + ".." + q.max().map(String::valueOf).orElse("unbounded")));
        close();
      } else if (step instanceof PatternDecl.AbsentStep absent) {
        open("absent-step", absent.span(), contiguity + " " + name(absent.eventType()));
        absent.condition().ifPresent(condition -> group("where", () -> expression(condition)));
        close();
      }
    }
    close();
  }

  private void aggregate(AggregateDecl aggregate) {
    open("aggregate", aggregate.span(), name(aggregate.name()));
    metadata(aggregate.metadata());
    aggregate.on().ifPresent(on -> group("on " + name(on)));
    aggregate.where().ifPresent(where -> group("where", () -> expression(where)));
    if (!aggregate.groupBy().isEmpty()) {
      group("group-by " + names(aggregate.groupBy()));
    }
    aggregate.window().ifPresent(window -> {
      open("window", window.span(), window.kind().name().toLowerCase(java.util.Locale.ROOT));
      expression(window.size());
      window.slide().ifPresent(slide -> group("every", () -> expression(slide)));
      close();
    });
    if (!aggregate.select().isEmpty()) {
      group("select", () -> {
        for (SelectItem item : aggregate.select()) {
          open("item", item.span(), "as " + name(item.alias()));
          expression(item.expression());
          close();
        }
      });
    }
    aggregate.spike().ifPresent(spike -> {
      open("spike", spike.span(), "severity " + name(spike.severity()));
      expression(spike.condition());
      spike.alert().ifPresent(alert -> group("alert", () -> template(alert)));
      close();
    });
    close();
  }

  private void test(TestDecl test) {
    open("test", test.span(), quote(test.name().value()) + "@" + at(test.name().span()));
    test.target().ifPresent(target -> leaf("target", target.span(),
        target.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + name(target.id())));
    for (Param param : test.params()) {
      open("param", param.span(), name(param.name()));
      expression(param.value());
      close();
    }
    if (!test.given().isEmpty()) {
      group("given", () -> {
        for (EventLiteral event : test.given()) {
          open("event-literal", event.span(), name(event.eventType()));
          event.fields().forEach(this::member);
          close();
        }
      });
    }
    for (Expectation expectation : test.expectations()) {
      if (expectation instanceof Expectation.NoAlerts e) {
        leaf("expect-no-alerts", e.span(), null);
      } else if (expectation instanceof Expectation.AlertCount e) {
        leaf("expect-alert-count", e.span(), String.valueOf(e.count()));
      } else if (expectation instanceof Expectation.RecordCount e) {
        leaf("expect-record-count", e.span(), String.valueOf(e.count()));
      } else if (expectation instanceof Expectation.AlertLike e) {
        open("expect-alert", e.span(), null);
        e.members().forEach(this::member);
        close();
      } else if (expectation instanceof Expectation.RecordLike e) {
        open("expect-record", e.span(), null);
        e.members().forEach(this::member);
        close();
      }
    }
    close();
  }

  private void route(RouteDecl route) {
    open("route", route.span(), name(route.name()));
    route.when().ifPresent(when -> group("when", () -> expression(when)));
    route.destination().ifPresent(destination -> {
      if (destination instanceof Destination.Kafka kafka) {
        open("to-kafka", kafka.span(), null);
        expression(kafka.topic());
        close();
      } else if (destination instanceof Destination.Webhook webhook) {
        open("to-webhook", webhook.span(), null);
        expression(webhook.url());
        webhook.secretVariable().ifPresent(variable -> group("secret-env", () -> expression(variable)));
        close();
      }
    });
    route.timeout().ifPresent(timeout -> group("timeout", () -> expression(timeout)));
    route.retries().ifPresent(retries -> group("retries", () -> expression(retries)));
    route.backoff().ifPresent(backoff -> group("backoff", () -> expression(backoff)));
    close();
  }

  private void member(Value.Member member) {
    open("member", member.span(), name(member.name()));
    value(member.value());
    close();
  }

  private void value(Value value) {
    if (value instanceof Value.Scalar scalar) {
      expression(scalar.literal());
    } else if (value instanceof Value.Symbol symbol) {
      leaf("symbol", symbol.span(), name(symbol.name()));
    } else if (value instanceof Value.Array array) {
      open("array", array.span(), null);
      array.elements().forEach(this::value);
      close();
    } else if (value instanceof Value.Object object) {
      open("object", object.span(), null);
      object.members().forEach(this::member);
      close();
    }
  }

  private void template(Template template) {
    open("template", template.span(), null);
    for (Template.Part part : template.parts()) {
      if (part instanceof Template.Text text) {
        group("text " + quote(text.text()));
      } else if (part instanceof Template.Placeholder placeholder) {
         group("placeholder " + quote(placeholder.source()), () -> expression(placeholder.expression()));
      }
    }
    close();
  }

  // --- expressions --------------------------------------------------------------------------

  private void expression(Expression expression) {
    if (expression instanceof Expression.NullLiteral e) {
      leaf("null", e.span(), null);
    } else if (expression instanceof Expression.BooleanLiteral e) {
      leaf(String.valueOf(e.value()), e.span(), null);
    } else if (expression instanceof Expression.NumberLiteral e) {
      leaf(e.integral() ? "integer" : "decimal", e.span(), e.value().toPlainString());
    } else if (expression instanceof Expression.StringLiteral e) {
      leaf("string", e.span(), quote(e.value()));
    } else if (expression instanceof Expression.DurationLiteral e) {
      leaf("duration", e.span(), e.text() + " " + e.millis() + "ms");
    } else if (expression instanceof Expression.Reference e) {
      leaf("ref", e.span(), name(e.name()));
    } else if (expression instanceof Expression.FieldAccess e) {
      open("field-access", e.span(), name(e.field()));
      expression(e.base());
      close();
    } else if (expression instanceof Expression.TableLookup e) {
      open("table-lookup", e.span(), name(e.table()));
      expression(e.key());
      close();
    } else if (expression instanceof Expression.FunctionCall e) {
      open("call", e.span(), name(e.name()));
      e.arguments().forEach(this::expression);
      close();
    } else if (expression instanceof Expression.Unary e) {
      open("unary " + (e.op() == Expression.UnaryOp.MINUS ? "-" : "+"), e.span(), null);
      expression(e.operand());
      close();
    } else if (expression instanceof Expression.Arithmetic e) {
      binary(e.op().symbol, e.span(), e.left(), e.right());
    } else if (expression instanceof Expression.Comparison e) {
      binary(e.op().symbol, e.span(), e.left(), e.right());
    } else if (expression instanceof Expression.Logical e) {
      binary(e.op().name().toLowerCase(java.util.Locale.ROOT), e.span(), e.left(), e.right());
    } else if (expression instanceof Expression.Not e) {
      open("not", e.span(), null);
      expression(e.operand());
      close();
    } else if (expression instanceof Expression.Between e) {
      open(e.negated() ? "not-between" : "between", e.span(), null);
      expression(e.value());
      expression(e.low());
      expression(e.high());
      close();
    } else if (expression instanceof Expression.InList e) {
      open(e.negated() ? "not-in" : "in", e.span(), null);
      expression(e.value());
      group("values", () -> e.elements().forEach(this::expression));
      close();
    } else if (expression instanceof Expression.InNamedList e) {
      open(e.negated() ? "not-in" : "in", e.span(), "list " + name(e.list()));
      expression(e.value());
      close();
    } else if (expression instanceof Expression.IsNull e) {
      open(e.negated() ? "is-not-null" : "is-null", e.span(), null);
      expression(e.value());
      close();
    } else {
      throw new IllegalArgumentException("no rendering for " + expression.getClass().getName());
    }
  }

  private void binary(String operator, SourceSpan span, Expression left, Expression right) {
    open(operator, span, null);
    expression(left);
    expression(right);
    close();
  }

  // --- layout -------------------------------------------------------------------------------

  private void open(String head) {
    lines.add(INDENT.repeat(depth) + "(" + head);
    depth++;
  }

  private void open(String kind, SourceSpan span, String attributes) {
    open(kind + " @" + at(span) + (attributes == null ? "" : " " + attributes));
  }

  private void leaf(String kind, SourceSpan span, String attributes) {
    open(kind, span, attributes);
    close();
  }

  private void group(String head) {
    open(head);
    close();
  }

  private void group(String head, Runnable children) {
    open(head);
    children.run();
    close();
  }

  private void close() {
    depth--;
    int last = lines.size() - 1;
    lines.set(last, lines.get(last) + ")");
  }

  private static String at(SourceSpan span) {
    return span.line() + ":" + span.column();
  }

  private static String name(Identifier identifier) {
    return identifier.value() + "@" + at(identifier.span());
  }

  private static String names(List<Identifier> identifiers) {
    return String.join(" ", identifiers.stream().map(AstPrinter::name).toList());
  }

  /** A double-quoted string with {@code \"}, {@code \\}, {@code \n} and other controls escaped. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
