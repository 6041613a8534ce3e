package dev.tollgate.engine.route.webhook;

import dev.tollgate.dsl.plan.RouteDestination;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.route.RoutedAlert;
import dev.tollgate.engine.route.RoutedAlertJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one webhook route's alerts: an HTTP POST of the routed alert's JSON per alert, with
 * {@code Idempotency-Key} (the alert id) and an HMAC-SHA256 signature of the body, retried by the
 * route's {@link RetryPolicy}. Requests run on the JDK HTTP client's own threads and retries wait
 * on a scheduler, never on the task thread; the alert is complete when the endpoint answers 2xx
 * (no output) or when it gives up (one {@link DeadLetter}).
 *
 * <p>Run inside Flink's async I/O operator, which keeps every alert not yet complete in its
 * checkpointed state and, after a restore, hands it here again: what was not acknowledged before a
 * failure is sent again (at least once; receivers de-duplicate by the idempotency key).
 */
public final class WebhookFunction extends RichAsyncFunction<RoutedAlert, DeadLetter> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(WebhookFunction.class);
  private static final int ERROR_BODY_CHARS = 200;

  private final String route;
  private final RouteDestination.Webhook destination;
  private final EventCatalog catalog;
  private final Secrets secrets;
  private final RetryPolicy policy;

  private transient URI uri;
  private transient HttpClient client;
  private transient ScheduledExecutorService retries;
  private transient RoutedAlertJson json;
  private transient Signatures signatures;
  private transient volatile boolean closed;
  private transient Counter delivered;
  private transient Counter retried;
  private transient Counter deadLettered;

  public WebhookFunction(String route, RouteDestination.Webhook destination, EventCatalog catalog, Secrets secrets) {
    this.route = route;
    this.destination = destination;
    this.catalog = catalog;
    this.secrets = secrets;
    this.policy = new RetryPolicy(destination.retries(), destination.backoffMillis());
  }

  /** The retry policy of this route. */
  public RetryPolicy policy() {
    return policy;
  }

  @Override
  public void open(OpenContext openContext) {
    String secret = secrets.lookup(destination.secretVariable());
    if (secret == null || secret.isEmpty()) {
      throw new IllegalStateException("webhook route " + route + ": environment variable "
          + destination.secretVariable() + " is not set; it must hold the route's signing secret");
    }
    signatures = new Signatures(secret);
    uri = URI.create(destination.url());
    client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofMillis(destination.timeoutMillis()))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "webhook-retries-" + route);
      thread.setDaemon(true);
      return thread;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    retries = scheduler;
    json = new RoutedAlertJson(catalog);
    var metrics = getRuntimeContext().getMetricGroup().addGroup("route", route);
    delivered = metrics.counter("delivered");
    retried = metrics.counter("retried");
    deadLettered = metrics.counter("deadLettered");
  }

  @Override
  public void close() {
    closed = true;
    if (retries != null) {
      retries.shutdownNow();
    }
  }

  @Override
  public void asyncInvoke(RoutedAlert routed, ResultFuture<DeadLetter> result) {
    String body = json.encode(routed, route);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    new Delivery(routed, body, bytes, signatures.sign(bytes), result).attempt(1);
  }

  @Override
  public void timeout(RoutedAlert routed, ResultFuture<DeadLetter> result) {
    String body = json.encode(routed, route);
    result.complete(List.of(deadLetter(routed, body, 0, 0, "delivery did not finish within the route's worst case of "
        + Duration.ofMillis(policy.worstCaseMillis(destination.timeoutMillis())))));
  }

  private DeadLetter deadLetter(RoutedAlert routed, String body, int attempts, int status, String error) {
    return new DeadLetter(route, destination.url(), routed.alert().alertId(), routed.caseId(), attempts, status, error,
        System.currentTimeMillis(), body);
  }

  /** The attempts of one alert, each started when the previous one has failed and its wait is over. */
  private final class Delivery {
    private final RoutedAlert routed;
    private final String body;
    private final byte[] bytes;
    private final String signature;
    private final ResultFuture<DeadLetter> result;

    Delivery(RoutedAlert routed, String body, byte[] bytes, String signature, ResultFuture<DeadLetter> result) {
      this.routed = routed;
      this.body = body;
      this.bytes = bytes;
      this.signature = signature;
      this.result = result;
    }

    void attempt(int attempt) {
      if (closed) {
        return; // the operator is going away; its checkpointed state still holds this alert
      }
      HttpRequest request = HttpRequest.newBuilder(uri)
          .timeout(Duration.ofMillis(destination.timeoutMillis()))
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", routed.alert().alertId())
          .header(Signatures.HEADER, signature)
          .header("X-Tollgate-Route", route)
          .header("X-Tollgate-Attempt", Integer.toString(attempt))
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
          .build();
      client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete((response, error) -> answered(attempt, response, error));
    }

    private void answered(int attempt, HttpResponse<String> response, Throwable error) {
      if (closed) {
        return;
      }
      if (error == null && response.statusCode() / 100 == 2) {
        delivered.inc();
        result.complete(List.of());
        return;
      }
      Failure failure = error != null ? Failure.of(error) : Failure.of(response);
      if (failure.retryable() && policy.mayRetryAfter(attempt)) {
        long wait = policy.waitMillis(attempt, failure.retryAfterMillis(), ThreadLocalRandom.current()::nextDouble);
        LOG.debug("webhook route {}: alert {} attempt {} failed ({}); retrying in {} ms", route,
            routed.alert().alertId(), attempt, failure.description(), wait);
        retried.inc();
        try {
          retries.schedule(() -> attempt(attempt + 1), wait, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
          // closed meanwhile: the alert stays in the checkpointed state and is sent after a restore
        }
        return;
      }
      LOG.warn("webhook route {}: alert {} goes to the dead-letter output after {} attempt(s): {}", route,
          routed.alert().alertId(), attempt, failure.description());
      deadLettered.inc();
      result.complete(List.of(deadLetter(routed, body, attempt, failure.status(), failure.description())));
    }
  }

  /** Why an attempt failed, and whether another may succeed. */
  private record Failure(int status, String description, boolean retryable, long retryAfterMillis) {
    static Failure of(HttpResponse<String> response) {
      int status = response.statusCode();
      String text = response.body() == null ? "" : response.body().strip();
      if (text.length() > ERROR_BODY_CHARS) {
        text = text.substring(0, ERROR_BODY_CHARS) + "...";
      }
      long retryAfter = RetryPolicy.retryAfterMillis(response.headers().firstValue("Retry-After").orElse(null),
          System.currentTimeMillis());
      return new Failure(status, "HTTP " + status + (text.isEmpty() ? "" : ": " + text), RetryPolicy.retryable(status),
          retryAfter);
    }

    static Failure of(Throwable error) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof HttpTimeoutException) {
        return new Failure(0, "timed out: " + cause.getMessage(), true, -1);
      }
      if (cause instanceof IOException) {
        return new Failure(0, "connection error: " + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : " " + cause.getMessage()), true, -1);
      }
      return new Failure(0, "request failed: " + cause, false, -1);
    }
  }
}
