package dev.tollgate.engine.pipeline;

import dev.tollgate.engine.source.RawRecord;
import dev.tollgate.engine.source.RawRecordTimestamps;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * How the pipeline treats event time.
 *
 * @param outOfOrderness how far behind the latest event an event may arrive and still count
 * @param idleTimeout after this long without records a source partition stops holding back
 *     event time (zero: never); ignored when deterministic
 * @param watermarkEvery deterministic only: emit a watermark after this many admitted events
 * @param deterministic watermarks made by the pipeline from input order only, never from
 *     wall-clock time (backtests and rule tests); false for unbounded inputs such as Kafka, whose
 *     source makes them per partition ({@link #sourceWatermarks()})
 * @param aggregateLateness how much later than the out-of-orderness an event may arrive and still
 *     count in aggregates (not in rules); aggregate windows close this long after their end, see
 *     {@link AdmitEvents}. Zero by default.
 */
public record PipelineOptions(
    Duration outOfOrderness, Duration idleTimeout, int watermarkEvery, boolean deterministic, Duration aggregateLateness)
    implements Serializable {
  public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(5);

  public PipelineOptions {
    if (aggregateLateness.isNegative()) {
      throw new IllegalArgumentException("aggregate lateness must not be negative: " + aggregateLateness);
    }
  }

  /** Without aggregate lateness. */
  public PipelineOptions(Duration outOfOrderness, Duration idleTimeout, int watermarkEvery, boolean deterministic) {
    this(outOfOrderness, idleTimeout, watermarkEvery, deterministic, Duration.ZERO);
  }

  /** For a bounded replay: deterministic, a watermark every 64 events. */
  public static PipelineOptions replay(Duration outOfOrderness) {
    return new PipelineOptions(outOfOrderness, Duration.ZERO, 64, true);
  }

  /** For a live stream: the source's per-partition watermarks ({@link #sourceWatermarks()}). */
  public static PipelineOptions live(Duration outOfOrderness, Duration idleTimeout) {
    return new PipelineOptions(outOfOrderness, idleTimeout, 64, false);
  }

  /** These options with aggregate windows accepting events up to {@code lateness} later. */
  public PipelineOptions withAggregateLateness(Duration lateness) {
    return new PipelineOptions(outOfOrderness, idleTimeout, watermarkEvery, deterministic, lateness);
  }

  /**
   * The watermark strategy a live source applies to each of its partitions: event time from each
   * record's {@code ts}, bounded out-of-orderness, and idleness after {@link #idleTimeout()}.
   * For a deterministic pipeline the source makes no watermarks at all.
   */
  public WatermarkStrategy<RawRecord> sourceWatermarks() {
    if (deterministic) {
      return WatermarkStrategy.noWatermarks();
    }
    WatermarkStrategy<RawRecord> strategy = WatermarkStrategy.<RawRecord>forBoundedOutOfOrderness(outOfOrderness)
        .withTimestampAssigner(context -> new RawRecordTimestamps());
    return idleTimeout.isZero() ? strategy : strategy.withIdleness(idleTimeout);
  }
}
