package dev.tollgate.dsl.ast;

import java.util.Optional;

/** {@code spike cond severity level [alert "..."]}. */
public record SpikeDecl(Expression condition, Identifier severity, Optional<Template> alert, SourceSpan span)
    implements Node {}
