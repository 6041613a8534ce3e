package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.PatternDecl;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import java.util.List;

/**
 * A rule that passed the checker (when the rule set has no errors), with what the planner needs
 * beyond the {@link Analysis}: its body kind, event types, keys and steps.
 *
 * @param eventType the {@code on} type (single and windowed rules), else null
 * @param steps pattern steps in order (absences included), empty for other kinds
 */
public record CheckedRule(
    Declaration.RuleDecl declaration,
    BodyKind kind,
    EventType eventType,
    List<KeyField> keys,
    List<Step> steps,
    Severity severity,
    Mode mode) {

  public CheckedRule {
    keys = List.copyOf(keys);
    steps = List.copyOf(steps);
  }

  /** The three kinds of rule body. */
  public enum BodyKind { SINGLE_EVENT, WINDOWED, PATTERN }

  /**
   * A pattern step; {@code alias} is null for an absence. {@code maxOccurrences} is -1 for
   * unbounded.
   */
  public record Step(String alias, int index, EventType eventType, PatternDecl.Step declaration,
      int minOccurrences, int maxOccurrences, boolean absent) {}

  public String id() {
    return declaration.name().value();
  }
}
