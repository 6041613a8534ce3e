package dev.tollgate.engine.aggregate;

import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.event.Event;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The outputs of one aggregate block.
 *
 * @param records one {@link WindowRecord} per group per closed window (type {@link
 *     WindowRecordTypeInfo})
 * @param spikeAlerts the spike's alerts (type {@link dev.tollgate.engine.alert.AlertTypeInfo}),
 *     present only when the aggregate declares a spike
 * @param late events that arrived after their window closed and its allowed lateness passed; the
 *     pipeline rejects them with reason {@code late}
 */
public record AggregateStreams(
    DataStream<WindowRecord> records, Optional<DataStream<Alert>> spikeAlerts, DataStream<Event> late) {}
