package dev.tollgate.engine.pipeline;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the pipeline treats event time.
 *
 * @param outOfOrderness how far behind the latest event an event may arrive and still count
 * @param idleTimeout after this long without records an input stops holding back event time
 *     (zero: never); ignored when deterministic
 * @param watermarkEvery emit a watermark after this many admitted events
 * @param deterministic watermarks from input order only, never from wall-clock time (backtests
 *     and rule tests); false for unbounded inputs such as Kafka
 */
public record PipelineOptions(Duration outOfOrderness, Duration idleTimeout, int watermarkEvery, boolean deterministic)
    implements Serializable {
  public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(5);

  /** For a bounded replay: deterministic, a watermark every 64 events. */
  public static PipelineOptions replay(Duration outOfOrderness) {
    return new PipelineOptions(outOfOrderness, Duration.ZERO, 64, true);
  }

  /** For a live stream: periodic watermarks and idle detection. */
  public static PipelineOptions live(Duration outOfOrderness, Duration idleTimeout) {
    return new PipelineOptions(outOfOrderness, idleTimeout, 64, false);
  }
}
