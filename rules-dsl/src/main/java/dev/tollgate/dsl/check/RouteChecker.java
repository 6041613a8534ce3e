package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration.RouteDecl;
import dev.tollgate.dsl.ast.Destination;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.Node;
import dev.tollgate.dsl.plan.RouteCondition;
import dev.tollgate.dsl.plan.RouteDestination;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a {@code route}: its condition (see {@link RouteConditionChecker}) and its destination —
 * a valid Kafka topic name, or an absolute http(s) URL with the environment variable that holds
 * its signing secret and sensible delivery settings.
 */
final class RouteChecker {
  /** Kafka's own rule for topic names. */
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  static final int MAX_RETRIES = 20;
  static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final CheckContext context;
  private final RouteConditionChecker conditions;

  RouteChecker(CheckContext context, AlertFields fields) {
    this.context = context;
    this.conditions = new RouteConditionChecker(context, fields);
  }

  /** The checked route, or null after reporting. */
  CheckedRoute check(RouteDecl route) {
    RouteCondition condition = route.when().map(conditions::check).orElse(new RouteCondition.Always());
    RouteDestination destination = destination(route);
    return condition == null || destination == null ? null : new CheckedRoute(route, condition, destination);
  }

  private RouteDestination destination(RouteDecl route) {
    if (route.destination().isEmpty()) {
      context.error(route.name().span(), "route " + route.name().value()
          + " has no destination (add 'to kafka \"topic\"' or 'to webhook \"url\" secret env \"VARIABLE\"')");
      return null;
    }
    Destination destination = route.destination().get();
    if (destination instanceof Destination.Kafka kafka) {
      return kafka(route, kafka);
    }
    return webhook(route, (Destination.Webhook) destination);
  }

  private RouteDestination kafka(RouteDecl route, Destination.Kafka kafka) {
    boolean ok = true;
    for (Optional<? extends Node> setting : java.util.List.of(route.timeout(), route.retries(), route.backoff())) {
      if (setting.isPresent()) {
        context.error(setting.get().span(), "timeout, retries and backoff apply to webhook routes; a Kafka route"
            + " is written by the job's Kafka sink in its delivery mode");
        ok = false;
      }
    }
    String topic = kafka.topic().value();
    if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
      context.error(kafka.topic().span(), "'" + topic + "' is not a Kafka topic name: 1 to 249 letters, digits,"
          + " '.', '_' or '-'");
      ok = false;
    }
    return ok ? new RouteDestination.Kafka(topic) : null;
  }

  private RouteDestination webhook(RouteDecl route, Destination.Webhook webhook) {
    boolean ok = url(webhook.url());
    String variable = null;
    if (webhook.secretVariable().isEmpty()) {
      context.error(webhook.span(), "a webhook route signs every request: add secret env \"VARIABLE\" naming the"
          + " environment variable that holds the secret");
      ok = false;
    } else {
      Expression.StringLiteral written = webhook.secretVariable().get();
      variable = written.value();
      if (!VARIABLE.matcher(variable).matches()) {
        context.error(written.span(), "'" + variable + "' is not an environment variable name: letters, digits"
            + " and '_', not starting with a digit (the secret itself never goes in a rule file)");
        ok = false;
      }
    }
    long timeout = duration(route.timeout(), RouteDestination.Webhook.DEFAULT_TIMEOUT_MILLIS, MAX_TIMEOUT, "timeout");
    long backoff = duration(route.backoff(), RouteDestination.Webhook.DEFAULT_BACKOFF_MILLIS, MAX_BACKOFF, "backoff");
    int retries = RouteDestination.Webhook.DEFAULT_RETRIES;
    if (route.retries().isPresent()) {
      long written = route.retries().get().value().longValue();
      if (written > MAX_RETRIES) {
        context.error(route.retries().get().span(), "retries must be at most " + MAX_RETRIES);
        ok = false;
      }
      retries = (int) Math.min(written, MAX_RETRIES);
    }
    if (!ok || timeout < 0 || backoff < 0) {
      return null;
    }
    return new RouteDestination.Webhook(webhook.url().value(), variable, timeout, retries, backoff);
  }

  private boolean url(Expression.StringLiteral written) {
    String text = written.value();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      context.error(written.span(), "not a URL: " + e.getReason());
      return false;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      context.error(written.span(), "a webhook URL is absolute http or https, e.g. https://cases.example.com/alerts");
      return false;
    }
    if (uri.getUserInfo() != null) {
      context.error(written.span(), "credentials do not belong in a webhook URL; requests are signed with the"
          + " route's secret");
      return false;
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      context.diagnostics.warning(written.span(), "webhook URL is not https: alerts would travel unencrypted");
    }
    return true;
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  /** The setting in milliseconds, the default if absent, or -1 after reporting. */
  private long duration(Optional<Expression.DurationLiteral> setting, long defaultMillis, Duration max, String what) {
    if (setting.isEmpty()) {
      return defaultMillis;
    }
    Expression.DurationLiteral written = setting.get();
    if (written.millis() <= 0 || written.millis() > max.toMillis()) {
      context.error(written.span(), what + " must be more than 0 and at most " + max.toMinutes() + "m");
      return -1;
    }
    return written.millis();
  }
}
