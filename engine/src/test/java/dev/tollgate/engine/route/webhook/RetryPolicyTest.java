package dev.tollgate.engine.route.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(5, 1_000);

  @Test
  void serverErrorsRequestTimeoutAndTooManyRequestsAreRetryableOtherClientErrorsAreNot() {
    assertThat(RetryPolicy.retryable(500)).isTrue();
    assertThat(RetryPolicy.retryable(503)).isTrue();
    assertThat(RetryPolicy.retryable(408)).isTrue();
    assertThat(RetryPolicy.retryable(429)).isTrue();
    assertThat(RetryPolicy.retryable(400)).isFalse();
    assertThat(RetryPolicy.retryable(401)).isFalse();
    assertThat(RetryPolicy.retryable(404)).isFalse();
    assertThat(RetryPolicy.retryable(301)).isFalse();
  }

  @Test
  void waitsDoubleWithJitterBetweenHalfAndAllOfTheNominalWait() {
    assertThat(policy.waitMillis(1, -1, () -> 0.0)).isEqualTo(500);
    assertThat(policy.waitMillis(1, -1, () -> 0.999)).isBetween(999L, 1_000L);
    assertThat(policy.waitMillis(2, -1, () -> 0.0)).isEqualTo(1_000);
    assertThat(policy.waitMillis(4, -1, () -> 0.0)).isEqualTo(4_000);
  }

  @Test
  void noWaitIsLongerThanTheCap() {
    long cap = RetryPolicy.MAX_WAIT.toMillis();

    assertThat(policy.waitMillis(20, -1, () -> 0.999)).isLessThanOrEqualTo(cap);
    assertThat(policy.waitMillis(63, -1, () -> 0.999)).isLessThanOrEqualTo(cap).isPositive();
    assertThat(policy.waitMillis(1, 3_600_000, () -> 0.0)).isEqualTo(cap);
  }

  @Test
  void retryAfterLengthensTheWaitButNeverShortensIt() {
    assertThat(policy.waitMillis(1, 7_000, () -> 0.0)).isEqualTo(7_000);
    assertThat(policy.waitMillis(3, 10, () -> 0.0)).isEqualTo(2_000);
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    long now = ZonedDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
    String inThirtySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.of(2026, 3, 1, 9, 0, 30, 0, ZoneOffset.UTC));

    assertThat(RetryPolicy.retryAfterMillis("120", now)).isEqualTo(120_000);
    assertThat(RetryPolicy.retryAfterMillis(inThirtySeconds, now)).isEqualTo(30_000);
    assertThat(RetryPolicy.retryAfterMillis("soon", now)).isEqualTo(-1);
    assertThat(RetryPolicy.retryAfterMillis(null, now)).isEqualTo(-1);
  }

  @Test
  void theWorstCaseCoversEveryAttemptAndEveryWait() {
    assertThat(policy.worstCaseMillis(10_000)).isEqualTo(6 * 10_000 + 5 * RetryPolicy.MAX_WAIT.toMillis());
  }
}
