package dev.tollgate.dsl.ast;

import java.util.List;

/** An {@code expect} clause of a test. */
public sealed interface Expectation extends Node {

  /** {@code expect no alerts}. */
  record NoAlerts(SourceSpan span) implements Expectation {}

  /** {@code expect N alerts}. */
  record AlertCount(int count, SourceSpan span) implements Expectation {}

  /** {@code expect N records}. */
  record RecordCount(int count, SourceSpan span) implements Expectation {}

  /** {@code expect alert { ... }}. */
  record AlertLike(List<Value.Member> members, SourceSpan span) implements Expectation {
    public AlertLike {
      members = List.copyOf(members);
    }
  }

  /** {@code expect record { ... }}. */
  record RecordLike(List<Value.Member> members, SourceSpan span) implements Expectation {
    public RecordLike {
      members = List.copyOf(members);
    }
  }
}
