package dev.tollgate.dsl.ast;

/** {@code param name = literal} in a test: a const override for that test only. */
public record Param(Identifier name, Expression value, SourceSpan span) implements Node {}
