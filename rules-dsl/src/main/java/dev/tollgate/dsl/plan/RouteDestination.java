package dev.tollgate.dsl.plan;

import java.io.Serializable;

/** Where a route delivers the alerts it takes. */
public sealed interface RouteDestination extends Serializable {

  /** A Kafka topic, written by the job's Kafka sink in the job's delivery mode. */
  record Kafka(String topic) implements RouteDestination {}

  /**
   * An HTTP endpoint that receives each alert as a signed JSON POST.
   *
   * @param secretVariable the environment variable holding the HMAC-SHA256 signing secret
   * @param timeoutMillis how long one attempt may take, connection included
   * @param retries attempts after the first, for retryable failures
   * @param backoffMillis the wait before the first retry; doubled for each further one, with jitter
   */
  record Webhook(String url, String secretVariable, long timeoutMillis, int retries, long backoffMillis)
      implements RouteDestination {
    public static final long DEFAULT_TIMEOUT_MILLIS = 10_000;
    public static final int DEFAULT_RETRIES = 5;
    public static final long DEFAULT_BACKOFF_MILLIS = 1_000;
  }
}
