package dev.tollgate.engine.route.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.RoutePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.engine.pipeline.RiskPipeline;
import dev.tollgate.engine.route.RoutedAlert;
import dev.tollgate.engine.route.RoutedAlertTypeInfo;
import dev.tollgate.engine.route.Routing;
import dev.tollgate.engine.route.RoutingOptions;
import dev.tollgate.engine.route.webhook.WebhookReceiver.Reply;
import dev.tollgate.engine.route.webhook.WebhookReceiver.Request;
import dev.tollgate.engine.source.JsonLinesFormat;
import dev.tollgate.engine.source.RawRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules → routing → cases → webhook on a MiniCluster at parallelism 2, with checkpoints, against
 * a real HTTP server that refuses the first requests with 503 (Retry-After 1s), lets one attempt
 * time out, and a job that fails once while a delivery is under way (the endpoint keeps refusing
 * one alert until then) and restarts from its last checkpoint.
 */
class WebhookRoutingITCase {
  private static final String SECRET = "fraud-desk-secret";
  private static final int CARDS = 20;
  private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
  private static final Pattern ALERT_ID = Pattern.compile("\"alertId\":\"([0-9a-f]+)\"");
  private static final Pattern CASE_ID = Pattern.compile("\"caseId\":\"([0-9a-f]+)\"");
  private static final Pattern CARD_ID = Pattern.compile("\"key\":\\{\"cardId\":\"([A-Z0-9]+)\"\\}");

  @TempDir static Path dir;
  static WebhookReceiver receiver;
  static final ConcurrentLinkedQueue<DeadLetter> DEAD_LETTERS = new ConcurrentLinkedQueue<>();
  static final AtomicBoolean FAILED = new AtomicBoolean();
  static final AtomicBoolean RESTARTED = new AtomicBoolean();
  /** The first alert the endpoint refuses; it keeps refusing it until the job has restarted. */
  static final AtomicReference<String> HELD = new AtomicReference<>();

  @BeforeAll
  static void startEndpoint() throws Exception {
    receiver = new WebhookReceiver(SECRET, (n, key) -> {
      if (n <= 10) {
        HELD.compareAndSet(null, key);
        return Reply.status(503).withHeader("Retry-After", "1");
      }
      if (key.equals(HELD.get()) && !RESTARTED.get()) {
        return Reply.status(503).withHeader("Retry-After", "1"); // until the job has restarted
      }
      return n == 12 ? Reply.slow(4_000) : Reply.ok();
    });
  }

  @AfterAll
  static void stopEndpoint() throws Exception {
    receiver.close();
  }

  @Test
  void everyAlertArrivesSignedOnceAfterDeDuplicationAcrossRetriesAndARestart() throws Exception {
    RuleSetPlan plan = compile();
    EventCatalog catalog = new EventCatalog(plan.eventTypes());
    StreamExecutionEnvironment env = environment();
    // Watched, not read once: like Kafka, the input never ends, so checkpoints keep flowing while
    // deliveries are under way (an ended input would make the async operator drain first).
    DataStream<RawRecord> lines = env.fromSource(FileSource.forRecordStreamFormat(new JsonLinesFormat("payments.jsonl"),
            org.apache.flink.core.fs.Path.fromLocalFile(writeEvents().getParent().toFile()))
            .monitorContinuously(Duration.ofSeconds(1)).build(),
        WatermarkStrategy.noWatermarks(), "payments").setParallelism(1);
    PipelineOptions everyEvent = new PipelineOptions(Duration.ofSeconds(5), Duration.ZERO, 1, true);
    RiskPipeline.Streams risk = RiskPipeline.attach(lines, plan, everyEvent, "Payment");
    Routing.Streams routed = Routing.attach(risk.alerts(), plan, catalog, new RoutingOptions(Duration.ofDays(1)));
    RoutePlan desk = plan.routes().get(0);
    DataStream<RoutedAlert> failingOnce = routed.routes().get(desk.name())
        .map(new FailOnceWhileDelivering())
        .returns(new RoutedAlertTypeInfo(new AlertTypeInfo(catalog)))
        .name("fail once");
    WebhookDelivery.attach(failingOnce, desk, catalog, variable -> SECRET, WebhookDelivery.DEFAULT_CAPACITY)
        .sinkTo(new CollectDeadLetters());

    JobClient job = env.executeAsync("webhook routing with a restart");
    try {
      awaitDeliveries(3 * CARDS);
    } finally {
      job.cancel().get();
    }

    assertThat(FAILED).as("the job failed once while deliveries were under way").isTrue();
    assertThat(RESTARTED).as("and restarted").isTrue();
    assertThat(DEAD_LETTERS).isEmpty();
    List<Request> requests = receiver.requests();
    assertThat(requests).allMatch(Request::signatureValid, "signature verifies");
    assertThat(requests).allMatch(r -> r.idempotencyKey().equals(match(ALERT_ID, r.body())), "key is the alert id");
    assertThat(requests).allMatch(r -> "fraud_desk".equals(r.route()));
    Map<String, String> accepted = receiver.acceptedByKey();
    assertThat(accepted).hasSize(3 * CARDS); // per card: two bursts and one big payment
    Map<String, Set<String>> bodiesByKey = new HashMap<>();
    requests.forEach(r -> bodiesByKey.computeIfAbsent(r.idempotencyKey(), k -> new HashSet<>()).add(r.body()));
    assertThat(bodiesByKey.values()).as("a re-sent alert is the same document").allMatch(bodies -> bodies.size() == 1);
    assertThat(requests.stream().filter(r -> r.attempt() == 1).map(Request::idempotencyKey).distinct().count())
        .as("some alert was sent afresh after the restart").isLessThan(requests.stream().filter(r -> r.attempt() == 1).count());
    assertThat(casesPerCard(accepted.values())).hasSize(CARDS).allSatisfy((card, cases) -> assertThat(cases).hasSize(1));
  }

  /** Until the endpoint has accepted {@code count} alerts and no retry is pending, then a little longer. */
  private static void awaitDeliveries(int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while ((receiver.acceptedByKey().size() < count || receiver.awaitingRetry() || !RESTARTED.get())
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(1_000); // anything sent twice arrives now
  }

  private static Map<String, Set<String>> casesPerCard(Iterable<String> bodies) {
    Map<String, Set<String>> cases = new HashMap<>();
    for (String body : bodies) {
      Matcher card = CARD_ID.matcher(body);
      if (card.find()) {
        cases.computeIfAbsent(card.group(1), c -> new HashSet<>()).add(match(CASE_ID, body));
      }
    }
    return cases;
  }

  private static String match(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static RuleSetPlan compile() {
    String rules = """
        event Payment {
          id: string
          ts: timestamp
          cardId: string
          amount: decimal
        }
        rule fraud.card_burst {
          severity medium
          category fraud
          suppress 0s
          on Payment
          key cardId
          window 1h
          having count() >= 2
          alert "Card {cardId}: {count()} payments in an hour"
        }
        rule fraud.big_payment {
          severity high
          category fraud
          on Payment
          where amount >= 5000
          alert "Payment {id}: {amount}"
        }
        route fraud_desk {
          when category == "fraud"
          to webhook "%s" secret env "FRAUD_DESK_SECRET"
          timeout 2s
          retries 8
          backoff 100ms
        }
        """.formatted(receiver.url());
    Compilation compilation = new RuleSetCompiler().compileText("fraud.rule", rules, dir, Map.of());
    assertThat(compilation.diagnostics().sorted()).filteredOn(d -> d.isError()).isEmpty();
    return compilation.plan();
  }

  /**
   * Three payments per card a minute apart, the third a big one; then a quiet payment a day later
   * that moves event time past every alert.
   */
  private static Path writeEvents() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int card = 0; card < CARDS; card++) {
      for (int i = 0; i < 3; i++) {
        Instant ts = START.plus(Duration.ofMinutes(card * 5L + i));
        lines.add("{\"id\":\"p" + card + "-" + i + "\",\"ts\":\"" + ts + "\",\"cardId\":\"C" + card + "\",\"amount\":"
            + (i == 2 ? 7500 : 20) + "}");
      }
    }
    lines.add("{\"id\":\"clock\",\"ts\":\"" + START.plus(Duration.ofDays(1)) + "\",\"cardId\":\"CLOCK\",\"amount\":1}");
    Path file = Files.createDirectories(dir.resolve("input")).resolve("payments.jsonl");
    Files.write(file, lines);
    return file;
  }

  private static StreamExecutionEnvironment environment() {
    Configuration config = new Configuration();
    config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(100));
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, config);
    env.setParallelism(2);
    return env;
  }

  /**
   * Fails its task once, on a completed checkpoint while the endpoint still owes some alert an
   * acceptance (it refuses the held alert until the restart): the restore must send it again.
   */
  static final class FailOnceWhileDelivering extends RichMapFunction<RoutedAlert, RoutedAlert>
      implements CheckpointListener {
    private static final long serialVersionUID = 1L;

    @Override
    public void open(OpenContext context) {
      if (getRuntimeContext().getTaskInfo().getAttemptNumber() > 0) {
        RESTARTED.set(true);
      }
    }

    @Override
    public RoutedAlert map(RoutedAlert routed) {
      return routed;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (receiver.awaitingRetry() && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure while deliveries are under way");
      }
    }
  }

  /** Keeps dead letters in this JVM for the assertions. */
  static final class CollectDeadLetters implements Sink<DeadLetter> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<DeadLetter> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(DeadLetter letter, Context context) {
          DEAD_LETTERS.add(letter);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
