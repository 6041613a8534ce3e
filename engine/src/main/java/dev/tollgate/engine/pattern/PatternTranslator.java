package dev.tollgate.engine.pattern;

import dev.tollgate.dsl.plan.KeyPlan;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.StepPlan;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.WithinType;

/**
 * Translates a compiled {@code pattern { ... }} body into a Flink CEP {@link Pattern}, so pattern
 * rules run on Flink's NFA rather than on a hand-written matcher.
 *
 * <ul>
 *   <li>Each step is a named pattern part: the step alias, or {@code $absent<i>} for the absence
 *       step at index i (aliases are identifiers, so the names never clash).
 *   <li>{@code then} → {@code followedBy}, {@code then next} → {@code next}; absence {@code then
 *       not} → {@code notFollowedBy}, {@code then next not} → {@code notNext} (between steps; a
 *       final absence is always a silence in time, see below).
 *   <li>{@code repeat N} → {@code times(N)}, {@code repeat N+} → {@code timesOrMore(N)}, {@code
 *       repeat N..M} → {@code times(N, M)}, {@code optional} → {@code optional()}. Repetitions of a
 *       step keep Flink's default relaxed inner contiguity (skip till next: other events may come
 *       between, but an event that fits the step is never skipped), and ranges are {@code greedy()}
 *       so that {@code repeat 3+} collects every qualifying event before the next step, as an
 *       analyst reading {@code count(probe)} expects. A range followed by an optional step or by an
 *       absence stays non-greedy (Flink forbids the first and mishandles the second), so it ends
 *       as soon as the next step can go on: before an absence, at the event that reached the
 *       minimum count.
 *   <li>Conditions are {@link StepCondition}s: event type first, then the compiled condition.
 *   <li>{@code within W} bounds the first to the last event (Flink's {@code FIRST_AND_LAST}, and like
 *       Flink a match needs {@code last - first < W}).
 *   <li>{@code AfterMatchSkipStrategy.skipPastLastEvent()}: a match's events are never reused by a
 *       later match of the same rule.
 * </ul>
 *
 * <p><b>Absence at the end, with {@code within}.</b> Flink 2.2 supports {@code notFollowedBy} as the
 * last part of a windowed pattern: the NFA parks the partial match in a <em>pending</em> state and
 * completes it when time advances past the window, unless a forbidden event arrived first (then the
 * partial match is discarded). Flink measures that window from the first event of the match, but the
 * spec says the silence lasts {@code within} after the <em>previous step</em>. The translator
 * therefore puts {@code within(W, PREVIOUS_AND_CURRENT)} on the absence part (the pending state times
 * out W after the last matched event), stretches the pattern's own window to {@code 2W} (so it never
 * cuts that silence short), and makes every positive step refuse events that lie W or more after the
 * match's first event, which keeps "within bounds first to last event" exact.
 *
 * <p><b>Absence at the end, with {@code deadline}.</b> Flink cannot time a partial match by a value
 * computed from its events, so the pattern returned stops before the absence step; {@link
 * DeadlineTracker} waits for the deadline. Such a pattern has no window: a prefix of several steps
 * is bounded only by its completion (see {@code docs/engine-patterns.md}).
 */
public final class PatternTranslator {

  private static final String ABSENT_PREFIX = "$absent";

  private PatternTranslator() {}

  /**
   * Builds the Flink pattern of a rule body.
   *
   * @param key the rule's key, for {@code keyField} references in conditions
   * @throws IllegalArgumentException if the body is not a pattern Flink can run (e.g. starts with an
   *     absence, or puts an absence right after an optional step)
   */
  public static Pattern<Event, Event> translate(RuleBody.Pattern body, KeyPlan key) {
    return translate(body, key, new ExpressionCompiler());
  }

  /** {@link #translate(RuleBody.Pattern, KeyPlan)} with a given expression compiler. */
  static Pattern<Event, Event> translate(RuleBody.Pattern body, KeyPlan key, ExpressionCompiler compiler) {
    List<StepPlan> steps = body.steps();
    validate(body);
    String[] names = stepNames(body);
    boolean deadline = body.deadline() != null;
    int lastInNfa = deadline ? steps.size() - 2 : steps.size() - 1;
    long within = body.withinMillis();
    long spanGuard = body.endsInAbsence() && !deadline ? within : 0;

    StepCondition[] conditions = new StepCondition[lastInNfa + 1];
    for (int i = 0; i <= lastInNfa; i++) {
      StepPlan step = steps.get(i);
      long stepGuard = step.absent() ? 0 : spanGuard;
      conditions[i] =
          new StepCondition(i, step.eventType(), compiler.compileCondition(step.condition()), names, key, stepGuard);
    }
    Pattern<Event, Event> pattern = null;
    for (int i = 0; i <= lastInNfa; i++) {
      StepPlan step = steps.get(i);
      pattern =
          i == 0
              ? Pattern.begin(names[0], AfterMatchSkipStrategy.skipPastLastEvent())
              : append(pattern, step, names[i], i == steps.size() - 1);
      pattern.where(step.absent() ? conditions[i].yieldingTo(stepsEndingGap(steps, conditions, i)) : conditions[i]);
      if (!step.absent()) {
        applyQuantifier(pattern, step, greedyAllowed(steps, i, lastInNfa));
      } else if (i == steps.size() - 1) {
        pattern.within(Duration.ofMillis(within), WithinType.PREVIOUS_AND_CURRENT);
      }
    }
    if (within > 0) {
      pattern.within(Duration.ofMillis(spanGuard > 0 ? 2 * within : within));
    }
    return pattern;
  }

  /**
   * The conditions of the steps that can end the gap an absence at index {@code absence} watches:
   * the following positive steps up to and including the first mandatory one (optional steps may
   * be skipped, so the one after them can end the gap too). Empty for a final absence.
   */
  private static List<StepCondition> stepsEndingGap(List<StepPlan> steps, StepCondition[] conditions, int absence) {
    List<StepCondition> following = new ArrayList<>();
    for (int j = absence + 1; j < conditions.length; j++) {
      if (steps.get(j).absent()) {
        continue;
      }
      following.add(conditions[j]);
      if (steps.get(j).minOccurrences() > 0) {
        break;
      }
    }
    return following;
  }

  /**
   * The Flink pattern name of every step, by step index: the alias, or {@code $absent<i>} for an
   * absence step. {@code ctx.getEventsForPattern} and matched-event maps use these names.
   */
  public static String[] stepNames(RuleBody.Pattern body) {
    List<StepPlan> steps = body.steps();
    String[] names = new String[steps.size()];
    for (int i = 0; i < names.length; i++) {
      StepPlan step = steps.get(i);
      names[i] = step.absent() ? ABSENT_PREFIX + i : step.alias();
    }
    return names;
  }

  private static Pattern<Event, Event> append(
      Pattern<Event, Event> previous, StepPlan step, String name, boolean last) {
    // A final absence is a silence in time; "next" has no meaning there, so it is not strict.
    boolean strict = step.contiguity() == StepPlan.Contiguity.STRICT && !(step.absent() && last);
    try {
      if (step.absent()) {
        return strict ? previous.notNext(name) : previous.notFollowedBy(name);
      }
      return strict ? previous.next(name) : previous.followedBy(name);
    } catch (UnsupportedOperationException e) {
      throw new IllegalArgumentException(
          "pattern step '" + previous.getName() + "' is optional and followed by an absence, which"
              + " Flink CEP cannot run: " + e.getMessage(), e);
    }
  }

  /**
   * Whether step i may be greedy: only when an ordinary, mandatory step follows it. Flink forbids an
   * optional step after a greedy one, and in Flink 2.2 a greedy repeat directly before a final
   * absence never reaches its pending state (the absence would never fire).
   */
  private static boolean greedyAllowed(List<StepPlan> steps, int i, int lastInNfa) {
    if (i >= lastInNfa) {
      return true; // a last step fires as soon as its minimum is reached; greedy changes nothing
    }
    StepPlan next = steps.get(i + 1);
    return !next.absent() && next.minOccurrences() > 0;
  }

  private static void applyQuantifier(Pattern<Event, Event> pattern, StepPlan step, boolean greedyAllowed) {
    int min = step.minOccurrences();
    int max = step.maxOccurrences();
    boolean range;
    if (max == StepPlan.UNBOUNDED) {
      pattern.timesOrMore(Math.max(min, 1));
      range = true;
    } else if (max > 1 && min == max) {
      pattern.times(max);
      range = false;
    } else if (max > 1) {
      pattern.times(Math.max(min, 1), max);
      range = true;
    } else {
      range = false;
    }
    if (min == 0) {
      pattern.optional();
    }
    if (range && greedyAllowed) {
      pattern.greedy();
    }
  }

  private static void validate(RuleBody.Pattern body) {
    List<StepPlan> steps = body.steps();
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a pattern needs at least one step");
    }
    if (steps.get(0).absent()) {
      throw new IllegalArgumentException("a pattern cannot start with an absence");
    }
    boolean deadline = body.deadline() != null;
    if (deadline == body.withinMillis() > 0) {
      throw new IllegalArgumentException("a pattern is bounded by exactly one of within and deadline");
    }
    if (deadline && !body.endsInAbsence()) {
      throw new IllegalArgumentException("a deadline needs a pattern that ends in an absence");
    }
    for (StepPlan step : steps) {
      int max = step.maxOccurrences();
      if (step.minOccurrences() < 0 || max == 0 || (max != StepPlan.UNBOUNDED && max < step.minOccurrences())) {
        throw new IllegalArgumentException(
            "step '" + step.alias() + "' has an invalid repeat range " + step.minOccurrences() + ".." + max);
      }
    }
  }
}
