package dev.tollgate.jobs.backtest;

import java.util.Arrays;
import java.util.Objects;

/**
 * One line a backtest writes, encoded inside the job (in parallel) and collected by the client,
 * which sorts and writes each kind to its file. Travels with its own serializer
 * ({@link OutputLineTypeInfo}): the JSON text is most of its bytes.
 */
public final class OutputLine {
  /** Which file the line belongs to: routed alerts go to their route's file, case events to cases.jsonl. */
  public enum Kind { ALERT, REJECTED, AGGREGATE, ROUTED, CASE }

  public Kind kind;
  /**
   * The rule or aggregate that produced it; the reject reason for rejected records; the route for
   * routed alerts; the case id for case events.
   */
  public String source;
  /** Event time (alerts, case events, window start for aggregates) or input line (rejected): the sort key. */
  public long order;
  /**
   * Ties broken by this (alert id, case event sequence), so output is identical run after run;
   * null when the JSON itself breaks ties (window records, whose text starts with the window and
   * group).
   */
  public String tieBreak;
  public String json;
  /** For alerts: the ids of the matched events, comma-separated, for effectiveness figures. */
  public String eventIds;
  /** For window records: the group values as text, in group-by order. */
  public String[] group;
  /** For window records: the aggregate's measure ({@link AggregateLeaders}) as a plain number, or null. */
  public String measure;

  public OutputLine() {}

  public OutputLine(Kind kind, String source, long order, String tieBreak, String json) {
    this.kind = kind;
    this.source = source;
    this.order = order;
    this.tieBreak = tieBreak;
    this.json = json;
  }

  /** What breaks ties between lines of the same order and source. */
  public String tieBreakOrJson() {
    return tieBreak != null ? tieBreak : json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputLine other && kind == other.kind && order == other.order
        && Objects.equals(source, other.source) && Objects.equals(tieBreak, other.tieBreak)
        && Objects.equals(json, other.json) && Objects.equals(eventIds, other.eventIds)
        && Arrays.equals(group, other.group) && Objects.equals(measure, other.measure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, source, order, tieBreak, json);
  }
}
