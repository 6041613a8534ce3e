package dev.tollgate.engine.route;

import dev.tollgate.engine.event.EventCatalog;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * The value of a Kafka record a Kafka route writes: {@link RoutedAlertJson} in UTF-8. Keying the
 * record by the case id keeps a case's alerts in one partition, in order.
 */
public final class RoutedAlertSchema implements SerializationSchema<RoutedAlert> {
  private static final long serialVersionUID = 1L;

  private final EventCatalog catalog;
  private final String route;
  private transient RoutedAlertJson json;

  public RoutedAlertSchema(EventCatalog catalog, String route) {
    this.catalog = catalog;
    this.route = route;
  }

  @Override
  public void open(InitializationContext context) {
    json = new RoutedAlertJson(catalog);
  }

  @Override
  public byte[] serialize(RoutedAlert routed) {
    if (json == null) {
      json = new RoutedAlertJson(catalog);
    }
    return json.encode(routed, route).getBytes(StandardCharsets.UTF_8);
  }
}
