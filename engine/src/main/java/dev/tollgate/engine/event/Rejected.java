package dev.tollgate.engine.event;

import java.io.Serializable;

/**
 * A record that was not processed, kept with its raw text so it can be inspected or replayed.
 * Every input record ends up either as an event or as one of these.
 */
public record Rejected(String raw, RejectReason reason, String detail, Origin origin) implements Serializable {

  public static Rejected of(String raw, Rejection rejection, Origin origin) {
    return new Rejected(raw, rejection.reason(), rejection.detail(), origin);
  }
}
