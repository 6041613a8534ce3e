package dev.tollgate.engine.route.webhook;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/**
 * When a failed webhook attempt is retried, and after how long.
 *
 * <p>Retryable: 5xx responses, 408 and 429, timeouts and connection errors. Any other response
 * (other 4xx, 3xx: the endpoint understood the request and refused it) goes to the dead-letter
 * output at once. Retry {@code n} (1-based) waits {@code backoff × 2^(n-1)}, capped at {@link
 * #MAX_WAIT}, times a random factor in [0.5, 1) so that deliveries failing together do not retry
 * together; a {@code Retry-After} header (seconds or an HTTP date) lengthens the wait to what the
 * endpoint asked, up to the same cap.
 *
 * @param retries retries after the first attempt
 * @param backoffMillis the nominal wait before the first retry
 */
public record RetryPolicy(int retries, long backoffMillis) implements Serializable {
  /** No single wait is longer, whatever the backoff or Retry-After say. */
  public static final Duration MAX_WAIT = Duration.ofMinutes(5);

  /** Whether a response with this status is worth another attempt. */
  public static boolean retryable(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  /** Whether attempt {@code attempt} (1-based) may be followed by another. */
  public boolean mayRetryAfter(int attempt) {
    return attempt <= retries;
  }

  /**
   * The wait before retry {@code retry} (1-based).
   *
   * @param retryAfterMillis what the endpoint asked for, or -1
   * @param random uniform in [0, 1)
   */
  public long waitMillis(int retry, long retryAfterMillis, DoubleSupplier random) {
    long cap = MAX_WAIT.toMillis();
    long nominal = retry >= 40 ? cap : Math.min(cap, backoffMillis << Math.min(retry - 1, 40));
    if (nominal < 0) {
      nominal = cap;
    }
    long jittered = (long) (nominal * (0.5 + random.getAsDouble() / 2));
    return Math.min(cap, Math.max(jittered, retryAfterMillis));
  }

  /** The longest a delivery can take before it is delivered or dead-lettered. */
  public long worstCaseMillis(long attemptTimeoutMillis) {
    return (retries + 1L) * attemptTimeoutMillis + retries * MAX_WAIT.toMillis();
  }

  /** A {@code Retry-After} value in milliseconds from {@code nowMillis}; -1 if absent or unreadable. */
  public static long retryAfterMillis(String header, long nowMillis) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    String value = header.strip();
    try {
      return Math.max(0, Math.multiplyExact(Long.parseLong(value), 1000L));
    } catch (NumberFormatException | ArithmeticException notSeconds) {
      try {
        long at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        return Math.max(0, at - nowMillis);
      } catch (DateTimeParseException notADate) {
        return -1;
      }
    }
  }
}
