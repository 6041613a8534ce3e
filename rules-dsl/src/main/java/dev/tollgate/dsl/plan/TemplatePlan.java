package dev.tollgate.dsl.plan;

import java.io.Serializable;
import java.util.List;

/** An alert message template: literal text and {@code {expr}} placeholders, in order. */
public record TemplatePlan(List<Part> parts) implements Serializable {
  public TemplatePlan {
    parts = List.copyOf(parts);
  }

  /** A piece of a template. */
  public sealed interface Part extends Serializable {}

  /** Literal text (escapes already resolved). */
  public record Text(String text) implements Part {}

  /**
   * A placeholder. Rendering: decimals in plain notation, timestamps as ISO-8601 UTC, durations as
   * written ({@code 24h}), null as {@code null}.
   */
  public record Value(String source, PlanExpr expression) implements Part {}
}
