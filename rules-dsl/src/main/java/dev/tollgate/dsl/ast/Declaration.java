package dev.tollgate.dsl.ast;

import java.util.List;
import java.util.Optional;

/** Top-level declarations of a rule file. All names share one namespace per rule set. */
public sealed interface Declaration extends Node {

  /** The declared name ({@code aml.structuring}, {@code Payment}, a test's title). */
  Identifier name();

  /** What kind of declaration this is, as analysts say it ({@code rule}, {@code list}, ...). */
  String kind();

  /** {@code event Name { field: type ... }}. */
  record EventDecl(Identifier name, List<FieldDecl> fields, SourceSpan span) implements Declaration {
    public EventDecl {
      fields = List.copyOf(fields);
    }

    @Override
    public String kind() {
      return "event";
    }
  }

  /** {@code name: type}; the type is an identifier the checker resolves. */
  record FieldDecl(Identifier name, Identifier type, SourceSpan span) implements Node {}

  /** {@code const name = literal}. */
  record ConstDecl(Identifier name, Expression value, SourceSpan span) implements Declaration {
    @Override
    public String kind() {
      return "const";
    }
  }

  /** {@code list name = [..]} or {@code list name = file "path"}. */
  record ListDecl(Identifier name, Optional<List<Expression>> elements, Optional<Expression.StringLiteral> file,
      SourceSpan span) implements Declaration {
    @Override
    public String kind() {
      return "list";
    }
  }

  /** {@code table name = file "path" key column}. */
  record TableDecl(Identifier name, Expression.StringLiteral file, Identifier keyColumn, SourceSpan span)
      implements Declaration {
    @Override
    public String kind() {
      return "table";
    }
  }

  /** {@code rule id { ... }}. */
  record RuleDecl(
      Identifier name,
      Metadata metadata,
      Optional<Identifier> on,
      Optional<Expression> where,
      List<Identifier> key,
      Optional<Expression.DurationLiteral> window,
      Optional<Expression> having,
      Optional<PatternDecl> pattern,
      Optional<Expression.DurationLiteral> within,
      Optional<Expression> deadline,
      Optional<Template> alert,
      SourceSpan span)
      implements Declaration {
    public RuleDecl {
      key = List.copyOf(key);
    }

    @Override
    public String kind() {
      return "rule";
    }
  }

  /** {@code aggregate id { ... }}. */
  record AggregateDecl(
      Identifier name,
      Metadata metadata,
      Optional<Identifier> on,
      Optional<Expression> where,
      List<Identifier> groupBy,
      Optional<WindowDecl> window,
      List<SelectItem> select,
      Optional<SpikeDecl> spike,
      SourceSpan span)
      implements Declaration {
    public AggregateDecl {
      groupBy = List.copyOf(groupBy);
      select = List.copyOf(select);
    }

    @Override
    public String kind() {
      return "aggregate";
    }
  }

  /** {@code test "name" { ... }}; {@code name} holds the title. */
  record TestDecl(
      Identifier name,
      Optional<Target> target,
      List<Param> params,
      List<EventLiteral> given,
      List<Expectation> expectations,
      SourceSpan span)
      implements Declaration {
    public TestDecl {
      params = List.copyOf(params);
      given = List.copyOf(given);
      expectations = List.copyOf(expectations);
    }

    @Override
    public String kind() {
      return "test";
    }
  }

  /**
   * {@code route name { when ... to ... }}: which alerts go where. Every clause is optional at
   * parse time; the checker says what is missing.
   *
   * @param when the condition over the alert's fields; absent: every alert
   * @param retries {@code retries N} as written (a whole number)
   */
  record RouteDecl(
      Identifier name,
      Optional<Expression> when,
      Optional<Destination> destination,
      Optional<Expression.DurationLiteral> timeout,
      Optional<Expression.NumberLiteral> retries,
      Optional<Expression.DurationLiteral> backoff,
      SourceSpan span)
      implements Declaration {
    @Override
    public String kind() {
      return "route";
    }
  }
}
