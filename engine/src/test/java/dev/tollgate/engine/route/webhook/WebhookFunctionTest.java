package dev.tollgate.engine.route.webhook;

import static dev.tollgate.engine.testing.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.dsl.plan.RouteDestination;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.route.RoutedAlert;
import dev.tollgate.engine.route.RoutedAlertTypeInfo;
import dev.tollgate.engine.route.webhook.WebhookReceiver.Reply;
import dev.tollgate.engine.route.webhook.WebhookReceiver.Request;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook delivery in Flink's async I/O operator, against a real HTTP server. */
class WebhookFunctionTest {
  private static final EventCatalog CATALOG = new EventCatalog(List.of());
  private static final String SECRET = "s3cr3t-for-tests";
  private static final Secrets SECRETS = variable -> variable.equals("DESK_SECRET") ? SECRET : null;
  /** Generous: the first request of a JVM is slow, and must not count as a timeout. */
  private static final long ATTEMPT_TIMEOUT_MILLIS = 1_500;

  private WebhookReceiver receiver;
  private OneInputStreamOperatorTestHarness<RoutedAlert, DeadLetter> harness;

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private static RouteDestination.Webhook webhook(String url, long timeoutMillis, int retries, long backoffMillis) {
    return new RouteDestination.Webhook(url, "DESK_SECRET", timeoutMillis, retries, backoffMillis);
  }

  private RouteDestination.Webhook receiving(WebhookReceiver.Script script, int retries) throws Exception {
    receiver = new WebhookReceiver(SECRET, script);
    return webhook(receiver.url(), ATTEMPT_TIMEOUT_MILLIS, retries, 20);
  }

  private static OneInputStreamOperatorTestHarness<RoutedAlert, DeadLetter> harness(RouteDestination.Webhook webhook,
      Secrets secrets) throws Exception {
    WebhookFunction function = new WebhookFunction("desk", webhook, CATALOG, secrets);
    return new OneInputStreamOperatorTestHarness<>(
        new AsyncWaitOperatorFactory<>(function, 60_000, 10, AsyncDataStream.OutputMode.UNORDERED),
        new RoutedAlertTypeInfo(new AlertTypeInfo(CATALOG)).createSerializer(new SerializerConfigImpl()));
  }

  private RoutedAlert deliver(RouteDestination.Webhook webhook) throws Exception {
    harness = harness(webhook, SECRETS);
    harness.open();
    RoutedAlert routed = routed("A1");
    harness.processElement(new StreamRecord<>(routed, 0));
    harness.endInput();
    return routed;
  }

  private static RoutedAlert routed(String account) {
    return new RoutedAlert(alert().key("accountId", account).build(), List.of("desk"), "case-" + account);
  }

  private List<DeadLetter> deadLetters() {
    return harness.extractOutputValues();
  }

  @Test
  void postsTheRoutedAlertSignedWithItsIdAsIdempotencyKey() throws Exception {
    RoutedAlert routed = deliver(receiving((n, key) -> Reply.ok(), 3));

    assertThat(deadLetters()).isEmpty();
    assertThat(receiver.requests()).singleElement().satisfies(request -> {
      assertThat(request.idempotencyKey()).isEqualTo(routed.alert().alertId());
      assertThat(request.signatureValid()).isTrue();
      assertThat(request.route()).isEqualTo("desk");
      assertThat(request.attempt()).isEqualTo(1);
      assertThat(request.body()).contains("\"alertId\":\"" + routed.alert().alertId() + "\"")
          .endsWith(",\"caseId\":\"case-A1\",\"route\":\"desk\"}");
    });
  }

  @Test
  void retriesServerErrorsAndTimeoutsUntilTheEndpointAccepts() throws Exception {
    deliver(receiving((n, key) -> switch (n) {
      case 1 -> Reply.status(503);
      case 2 -> Reply.slow(ATTEMPT_TIMEOUT_MILLIS + 1_500);
      default -> Reply.ok();
    }, 3));

    assertThat(deadLetters()).isEmpty();
    List<Request> requests = receiver.requests();
    assertThat(requests).extracting(Request::attempt).containsExactly(1, 2, 3);
    assertThat(requests).extracting(Request::idempotencyKey).containsOnly(requests.get(0).idempotencyKey());
    assertThat(requests).extracting(Request::body).containsOnly(requests.get(0).body());
    assertThat(requests).allMatch(Request::signatureValid);
  }

  @Test
  void waitsAsLongAsRetryAfterAsks() throws Exception {
    deliver(receiving((n, key) -> n == 1 ? Reply.status(429).withHeader("Retry-After", "1") : Reply.ok(), 3));

    List<Request> requests = receiver.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).receivedAtMillis() - requests.get(0).receivedAtMillis()).isGreaterThanOrEqualTo(950);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void retriesRequestTimeout408() throws Exception {
    deliver(receiving((n, key) -> n == 1 ? Reply.status(408) : Reply.ok(), 3));

    assertThat(receiver.requests()).hasSize(2);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void aRefusalIsNotRetriedAndGoesToTheDeadLetterOutput() throws Exception {
    RoutedAlert routed = deliver(receiving((n, key) -> Reply.status(400), 3));

    assertThat(receiver.requests()).hasSize(1);
    assertThat(deadLetters()).singleElement().satisfies(letter -> {
      assertThat(letter.alertId()).isEqualTo(routed.alert().alertId());
      assertThat(letter.caseId()).isEqualTo("case-A1");
      assertThat(letter.route()).isEqualTo("desk");
      assertThat(letter.attempts()).isEqualTo(1);
      assertThat(letter.status()).isEqualTo(400);
      assertThat(letter.error()).isEqualTo("HTTP 400: refused with 400");
      assertThat(letter.body()).isEqualTo(receiver.requests().get(0).body());
    });
  }

  @Test
  void afterTheLastRetryTheAlertGoesToTheDeadLetterOutputWithTheLastError() throws Exception {
    deliver(receiving((n, key) -> Reply.status(500), 2));

    assertThat(receiver.requests()).hasSize(3);
    assertThat(deadLetters()).singleElement().satisfies(letter -> {
      assertThat(letter.attempts()).isEqualTo(3);
      assertThat(letter.status()).isEqualTo(500);
    });
  }

  @Test
  void connectionErrorsAreRetriedThenDeadLettered() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    deliver(webhook("http://127.0.0.1:" + closedPort + "/alerts", 300, 2, 10));

    assertThat(deadLetters()).singleElement().satisfies(letter -> {
      assertThat(letter.attempts()).isEqualTo(3);
      assertThat(letter.status()).isZero();
      assertThat(letter.error()).startsWith("connection error: ");
    });
  }

  @Test
  void alertsInFlightAtACheckpointAreSentAgainAfterARestore() throws Exception {
    receiver = new WebhookReceiver(SECRET, (n, key) -> n == 1 ? Reply.status(503) : Reply.ok());
    RouteDestination.Webhook slowRetries = webhook(receiver.url(), ATTEMPT_TIMEOUT_MILLIS, 3,
        Duration.ofMinutes(1).toMillis());
    harness = harness(slowRetries, SECRETS);
    harness.open();
    RoutedAlert routed = routed("A1");
    harness.processElement(new StreamRecord<>(routed, 0));
    awaitRequests(1);
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.getOperator().close(); // a crash: the retry a minute away never happens
    harness = null;

    harness = harness(slowRetries, SECRETS);
    harness.initializeState(snapshot);
    harness.open();
    harness.endInput();

    assertThat(receiver.requests()).hasSize(2);
    assertThat(receiver.acceptedByKey()).containsOnlyKeys(routed.alert().alertId());
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void aMissingSecretStopsTheDeliveryWithoutRevealingAnything() throws Exception {
    harness = harness(webhook("https://cases.example.com/alerts", 300, 0, 10), variable -> null);

    assertThatThrownBy(harness::open)
        .hasMessageContaining("webhook route desk: environment variable DESK_SECRET is not set");
    harness = null;
  }

  private void awaitRequests(int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (receiver.requests().size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(100); // let the client read the answer and schedule its retry
    assertThat(receiver.requests()).hasSize(count);
  }
}
