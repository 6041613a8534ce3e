package dev.tollgate.dsl.plan;

import java.io.Serializable;
import java.util.List;

/** What a rule says about itself; {@code title}, {@code description} and {@code owner} may be null. */
public record RuleMetadata(
    Severity severity,
    String category,
    Mode mode,
    String title,
    String description,
    List<String> tags,
    String owner)
    implements Serializable {
  public RuleMetadata {
    tags = List.copyOf(tags);
  }
}
