package dev.tollgate.dsl.ast;

/** {@code expr as name} in an aggregate's {@code select}. */
public record SelectItem(Expression expression, Identifier alias, SourceSpan span) implements Node {}
