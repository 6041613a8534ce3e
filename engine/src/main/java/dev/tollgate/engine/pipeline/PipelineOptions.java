package dev.tollgate.engine.pipeline;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the risk pipeline treats time.
 *
 * @param outOfOrderness how far behind the latest event an event may arrive and still count
 * @param idleTimeout after this long without records a source split stops holding back the
 *     watermark (zero: never)
 */
public record PipelineOptions(Duration outOfOrderness, Duration idleTimeout) implements Serializable {
  public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(5);

  public static PipelineOptions defaults() {
    return new PipelineOptions(DEFAULT_OUT_OF_ORDERNESS, Duration.ofSeconds(30));
  }
}
