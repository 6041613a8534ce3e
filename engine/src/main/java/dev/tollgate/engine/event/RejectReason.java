package dev.tollgate.engine.event;

import java.util.Locale;

/** Why an input record was not processed. {@link #code()} is what rejected output shows. */
public enum RejectReason {
  /** Not parseable as JSON (including empty lines and trailing garbage). */
  BAD_JSON,
  /** Valid JSON, but not an object. */
  NOT_AN_OBJECT,
  /** No {@code "event"} member on an input not bound to one type, or a name the catalog lacks. */
  UNKNOWN_EVENT_TYPE,
  MISSING_ID,
  MISSING_TS,
  /** A declared field (or {@code "event"}) holds a JSON value its type does not accept. */
  WRONG_TYPE,
  /** Older than the watermark allows; assigned by the pipeline, not the decoder. */
  LATE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
