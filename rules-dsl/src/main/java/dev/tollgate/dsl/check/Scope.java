package dev.tollgate.dsl.check;

import dev.tollgate.dsl.types.ValueType;
import java.util.List;

/**
 * What names mean where an expression is written.
 *
 * @param clause the clause, for messages ({@code "where"}, {@code "having"}, ...)
 * @param event the current event's type, or null (pattern templates, deadlines, spikes)
 * @param keys key or group fields readable as values (templates, spikes); empty elsewhere
 * @param steps pattern steps visible here (earlier steps in a step condition, all in a template)
 * @param aggregates which aggregates may be called here
 * @param selects select items readable by name (spike conditions and alerts)
 */
record Scope(
    String clause,
    EventType event,
    List<KeyField> keys,
    List<Step> steps,
    Aggregates aggregates,
    List<Select> selects) {

  /** Which aggregate calls a clause allows. */
  enum Aggregates {
    NONE,
    /** {@code count() sum(f) ...} over the current event type's window (having, select, templates). */
    WINDOW,
    /** {@code count(step) sum(step.f) ...} over pattern steps. */
    STEPS,
    /** Select names and {@code baseline(name, n)} (spike conditions). */
    BASELINE
  }

  /** A pattern step; {@code eventType} null if the type is unknown. */
  record Step(String alias, int index, EventType eventType) {}

  record Select(String name, int slot, ValueType type) {}

  Scope {
    keys = List.copyOf(keys);
    steps = List.copyOf(steps);
    selects = List.copyOf(selects);
  }

  static Scope row(String clause, EventType event) {
    return new Scope(clause, event, List.of(), List.of(), Aggregates.NONE, List.of());
  }

  Scope withAggregates(Aggregates allowed) {
    return new Scope(clause, event, keys, steps, allowed, selects);
  }

  Scope withKeys(List<KeyField> newKeys) {
    return new Scope(clause, event, newKeys, steps, aggregates, selects);
  }

  Scope withSteps(List<Step> newSteps) {
    return new Scope(clause, event, keys, newSteps, aggregates, selects);
  }

  Scope withSelects(List<Select> newSelects) {
    return new Scope(clause, event, keys, steps, aggregates, newSelects);
  }

  /** The scope of an aggregate's argument: the current event's fields, no aggregates. */
  Scope argumentScope() {
    return new Scope("an aggregate's argument", event, List.of(), List.of(), Aggregates.NONE, List.of());
  }

  Step step(String alias) {
    for (Step step : steps) {
      if (step.alias().equals(alias)) {
        return step;
      }
    }
    return null;
  }
}
