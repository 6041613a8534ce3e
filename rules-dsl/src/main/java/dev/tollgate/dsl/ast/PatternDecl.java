package dev.tollgate.dsl.ast;

import java.util.List;
import java.util.Optional;

/** {@code pattern { step then step ... }}. */
public record PatternDecl(List<Step> steps, SourceSpan span) implements Node {
  public PatternDecl {
    steps = List.copyOf(steps);
  }

  /** How a step follows the previous one. */
  public enum Contiguity {
    /** The first step. */
    FIRST,
    /** {@code then}. */
    RELAXED,
    /** {@code then next}. */
    STRICT
  }

  /** A pattern step. */
  public sealed interface Step extends Node {
    Identifier eventType();

    Optional<Expression> condition();

    Contiguity contiguity();
  }

  /** {@code alias: Type where cond [quantifier]}. */
  public record EventStep(
      Identifier alias,
      Identifier eventType,
      Optional<Expression> condition,
      Optional<Quantifier> quantifier,
      Contiguity contiguity,
      SourceSpan span)
      implements Step {}

  /** {@code not Type where cond}. */
  public record AbsentStep(Identifier eventType, Optional<Expression> condition, Contiguity contiguity, SourceSpan span)
      implements Step {}

  /**
   * {@code repeat N} (N..N), {@code repeat N+} (max empty), {@code repeat N..M}, {@code optional}
   * (0..1).
   */
  public record Quantifier(int min, Optional<Integer> max, SourceSpan span) implements Node {}
}
