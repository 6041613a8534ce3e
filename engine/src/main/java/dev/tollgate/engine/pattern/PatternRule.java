package dev.tollgate.engine.pattern;

import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.StepPlan;
import dev.tollgate.engine.eval.Condition;
import dev.tollgate.engine.eval.ConditionIndex;
import dev.tollgate.engine.eval.Evaluator;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.event.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.cep.pattern.Pattern;

/**
 * A pattern rule compiled for the operator: its Flink pattern plus what the operator needs around
 * the NFA (which event types it reads, how the pattern ends, the deadline expression).
 */
final class PatternRule {

  /** How a pattern ends, which decides who concludes an absence. */
  enum Ending {
    /** The last step is an event: the NFA emits complete matches. */
    EVENT,
    /** {@code then not ...} with {@code within}: the NFA's pending state concludes the silence. */
    SILENCE,
    /** {@code then not ...} with {@code deadline}: {@link DeadlineTracker} concludes it. */
    DEADLINE
  }

  final RulePlan plan;
  final RuleBody.Pattern body;
  final String[] stepNames;
  final Pattern<Event, Event> pattern;
  final Set<Integer> eventTypes;
  final Ending ending;
  /** For {@link Ending#SILENCE}: how long the silence lasts after the last matched event. */
  final long silenceMillis;
  /** For {@link Ending#DEADLINE}: the deadline, over the prefix's step events. */
  final Evaluator deadline;
  /** For {@link Ending#DEADLINE}: the absent step's event type and condition. */
  final int absentType;
  final Condition absentCondition;
  /**
   * What an event must satisfy to begin a match, or null when any event of the rule's types may
   * (the first step is optional, or a deadline absence watches every event).
   */
  private final StepCondition start;
  private final String stateId;

  private PatternRule(RulePlan plan, ExpressionCompiler compiler) {
    if (!(plan.body() instanceof RuleBody.Pattern patternBody)) {
      throw new IllegalArgumentException("rule " + plan.id() + " is not a pattern rule");
    }
    this.plan = plan;
    this.body = patternBody;
    this.stepNames = PatternTranslator.stepNames(body);
    this.pattern = PatternTranslator.translate(body, plan.key(), compiler);
    Set<Integer> types = new TreeSet<>();
    for (StepPlan step : body.steps()) {
      types.add(step.eventType());
    }
    this.eventTypes = Collections.unmodifiableSet(types);
    StepPlan last = body.steps().get(body.steps().size() - 1);
    if (!body.endsInAbsence()) {
      ending = Ending.EVENT;
    } else {
      ending = body.deadline() != null ? Ending.DEADLINE : Ending.SILENCE;
    }
    this.silenceMillis = ending == Ending.SILENCE ? body.withinMillis() : 0;
    this.deadline = ending == Ending.DEADLINE ? compiler.compile(body.deadline()) : null;
    this.absentType = ending == Ending.DEADLINE ? last.eventType() : -1;
    this.absentCondition = ending == Ending.DEADLINE ? compiler.compileCondition(last.condition()) : null;
    StepPlan first = body.steps().get(0);
    this.start = first.minOccurrences() > 0 && ending != Ending.DEADLINE
        ? new StepCondition(0, first.eventType(), compiler.compileCondition(first.condition()), stepNames, plan.key(), 0)
        : null;
    this.stateId = plan.id() + "@" + plan.version();
  }

  /**
   * What can begin a match, for a {@link ConditionIndex} over many rules: the first step's type
   * and condition when an event must satisfy it ({@link #couldStart}), else every type the rule
   * reads, unconditionally.
   *
   * @param runner the rule's number in its operator
   */
  List<ConditionIndex.Entry> startEntries(int runner) {
    if (start != null) {
      StepPlan first = body.steps().get(0);
      return List.of(new ConditionIndex.Entry(runner, first.eventType(), first.condition()));
    }
    return eventTypes.stream().map(type -> new ConditionIndex.Entry(runner, type, null)).toList();
  }

  static PatternRule compile(RulePlan plan, ExpressionCompiler compiler) {
    return new PatternRule(plan, compiler);
  }

  /** {@code id@version}: names this rule's state and timers; a new version starts afresh. */
  String stateId() {
    return stateId;
  }

  /**
   * Whether {@code event} could be the first event of a match. An event that cannot, reaching a
   * key where the rule has nothing in progress, leaves the NFA as it was: the operator need not
   * run the rule for it at all.
   */
  boolean couldStart(Event event) {
    return start == null || start.acceptsAsFirst(event);
  }

  int stepCount() {
    return stepNames.length;
  }

  /** A match as Flink reports it (events by step name) as events by step index. */
  List<List<Event>> stepsOf(Map<String, List<Event>> match) {
    List<List<Event>> steps = new ArrayList<>(stepNames.length);
    for (String name : stepNames) {
      List<Event> events = match.get(name);
      steps.add(events == null ? List.of() : events);
    }
    return steps;
  }
}
