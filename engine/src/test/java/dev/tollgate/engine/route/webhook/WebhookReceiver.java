package dev.tollgate.engine.route.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A case management endpoint for tests: a real HTTP server (the JDK's) on a free local port that
 * answers the n-th request (1-based, in arrival order) as a script says, records every request,
 * and verifies signatures the way a receiver would: HMAC-SHA256 of the raw body with the shared
 * secret, compared in constant time.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** How to answer one request. */
  public record Reply(int status, long delayMillis, Map<String, String> headers) {
    public static Reply ok() {
      return new Reply(200, 0, Map.of());
    }

    public static Reply status(int status) {
      return new Reply(status, 0, Map.of());
    }

    /** Answers 200, but only after {@code millis}: longer than the client waits, it is a timeout. */
    public static Reply slow(long millis) {
      return new Reply(200, millis, Map.of());
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, delayMillis, more);
    }
  }

  /** One request as received, and how it was answered. */
  public record Request(int number, long receivedAtMillis, String idempotencyKey, String signature, String route,
      int attempt, String body, boolean signatureValid, int status) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(16);
  private final String secret;
  private final Script script;
  private final AtomicInteger count = new AtomicInteger();
  private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

  /** How to answer the n-th request (1-based, in arrival order), which carries this idempotency key. */
  @FunctionalInterface
  public interface Script {
    Reply reply(int number, String idempotencyKey);
  }

  public WebhookReceiver(String secret, Script script) throws IOException {
    this.secret = secret;
    this.script = script;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/alerts", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
  }

  private void handle(HttpExchange exchange) throws IOException {
    int number = count.incrementAndGet();
    long received = System.currentTimeMillis();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    Reply reply = script.reply(number, key);
    String signature = exchange.getRequestHeaders().getFirst("X-Tollgate-Signature");
    String attempt = exchange.getRequestHeaders().getFirst("X-Tollgate-Attempt");
    requests.add(new Request(number, received, key, signature,
        exchange.getRequestHeaders().getFirst("X-Tollgate-Route"), attempt == null ? 0 : Integer.parseInt(attempt),
        new String(body, StandardCharsets.UTF_8), verifies(body, signature), reply.status()));
    try {
      if (reply.delayMillis() > 0) {
        Thread.sleep(reply.delayMillis());
      }
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] text = (reply.status() / 100 == 2 ? "accepted" : "refused with " + reply.status())
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), text.length);
      exchange.getResponseBody().write(text);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientGaveUp) {
      // the client timed out and closed the connection
    } finally {
      exchange.close();
    }
  }

  /** What a receiver does with the X-Tollgate-Signature header. */
  private boolean verifies(byte[] body, String header) {
    if (header == null || !header.startsWith("sha256=")) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal(body);
      byte[] given = HexFormat.of().parseHex(header.substring("sha256=".length()));
      return MessageDigest.isEqual(expected, given);
    } catch (NoSuchAlgorithmException | InvalidKeyException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Every request so far, in arrival order. */
  public List<Request> requests() {
    List<Request> all = new ArrayList<>(requests);
    all.sort(java.util.Comparator.comparingInt(Request::number));
    return all;
  }

  /**
   * What an idempotent receiver keeps: for each idempotency key, the first body it accepted (2xx,
   * including answers the client stopped waiting for).
   */
  public Map<String, String> acceptedByKey() {
    Map<String, String> accepted = new LinkedHashMap<>();
    for (Request request : requests()) {
      if (request.status() / 100 == 2) {
        accepted.putIfAbsent(request.idempotencyKey(), request.body());
      }
    }
    return accepted;
  }

  /** Whether some alert was refused and has not been accepted since: a delivery is still under way. */
  public boolean awaitingRetry() {
    java.util.Set<String> refused = new java.util.HashSet<>();
    for (Request request : requests()) {
      if (request.status() / 100 != 2) {
        refused.add(request.idempotencyKey());
      }
    }
    refused.removeAll(acceptedByKey().keySet());
    return !refused.isEmpty();
  }

  @Override
  public void close() throws InterruptedException {
    server.stop(0);
    threads.shutdownNow();
    threads.awaitTermination(5, TimeUnit.SECONDS);
  }
}
