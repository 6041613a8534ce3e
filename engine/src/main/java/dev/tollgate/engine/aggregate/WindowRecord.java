package dev.tollgate.engine.aggregate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One output record of an {@code aggregate} block: the selected values of one group over one
 * closed window. Kept as typed values (not JSON) so the spike function and tests read them
 * directly; {@link WindowRecordJson} writes the {@code aggregates.jsonl} form.
 *
 * @param aggregateId the aggregate's id
 * @param windowStart epoch millis, inclusive
 * @param windowEnd epoch millis, exclusive
 * @param groupValues the group-by values in group-by order (never null; decimals canonical)
 * @param values the selected values in select order; an entry is null when every value it
 *     aggregated was null
 */
public record WindowRecord(
    String aggregateId, long windowStart, long windowEnd, List<Object> groupValues, List<Object> values) {

  public WindowRecord {
    groupValues = Collections.unmodifiableList(new ArrayList<>(groupValues));
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** The value of select slot {@code slot}. */
  public Object value(int slot) {
    return values.get(slot);
  }
}
