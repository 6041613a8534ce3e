package dev.tollgate.engine.pattern;

/**
 * What a {@link PatternRuleRunner} needs from the operator hosting it, for the current key: timers
 * in the rule's own namespace, an output, and how far event time is known to have gone.
 */
interface RuleRuntime {

  /** Asks for {@link PatternRuleRunner#onTimer} once the watermark reaches {@code timestamp}. */
  void registerTimer(PatternRule rule, long timestamp);

  /** Cancels a timer registered with {@link #registerTimer}. */
  void deleteTimer(PatternRule rule, long timestamp);

  /** Emits a match that passed suppression. */
  void emit(RuleMatch match);

  /**
   * The latest time up to which an absence may be concluded: the watermark while the input runs;
   * once a finite input has ended, the latest time the input provably reached (see {@link
   * PatternRulesOperator}), never the end-of-input watermark itself.
   */
  long absenceHorizon();
}
