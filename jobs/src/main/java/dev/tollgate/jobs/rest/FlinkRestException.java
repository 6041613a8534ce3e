package dev.tollgate.jobs.rest;

/** A Flink REST call that failed: unreachable cluster, an error response, or a failed operation. */
public final class FlinkRestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FlinkRestException(String message) {
    super(message);
  }

  public FlinkRestException(String message, Throwable cause) {
    super(message, cause);
  }
}
