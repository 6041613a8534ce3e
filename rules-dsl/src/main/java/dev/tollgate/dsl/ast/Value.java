package dev.tollgate.dsl.ast;

import java.util.List;

/** A data value in a test: an event field, or a member of an {@code expect} block. */
public sealed interface Value extends Node {

  /** A literal (string, number, boolean, null, duration). */
  record Scalar(Expression literal, SourceSpan span) implements Value {}

  /** {@code [v, ...]}. */
  record Array(List<Value> elements, SourceSpan span) implements Value {
    public Array {
      elements = List.copyOf(elements);
    }
  }

  /** {@code { name: v, ... }}. */
  record Object(List<Member> members, SourceSpan span) implements Value {
    public Object {
      members = List.copyOf(members);
    }
  }

  /** A bare word, e.g. {@code severity: high}. */
  record Symbol(Identifier name, SourceSpan span) implements Value {}

  /** {@code name: value}. */
  record Member(Identifier name, Value value, SourceSpan span) implements Node {}
}
