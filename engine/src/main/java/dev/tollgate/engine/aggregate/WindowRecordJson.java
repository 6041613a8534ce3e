package dev.tollgate.engine.aggregate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.event.EventEncoder;
import dev.tollgate.engine.eval.ValueFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Window records as the lines of {@code aggregates.jsonl}: {@code {"aggregate", "window_start",
 * "window_end", <group fields>..., <selected names>...}} in that order, timestamps ISO-8601 UTC,
 * decimals as exact plain numbers, null values as JSON null. Names and types come from the plans,
 * which the records themselves do not carry. Not thread-safe.
 */
public final class WindowRecordJson {
  private final JsonFactory factory = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();
  private final Map<String, Layout> layouts = new HashMap<>();

  public WindowRecordJson(Collection<AggregatePlan> aggregates) {
    for (AggregatePlan plan : aggregates) {
      layouts.put(plan.id(), Layout.of(plan));
    }
  }

  /** One line of {@code aggregates.jsonl}, without the newline. */
  public String encode(WindowRecord record) {
    return write(record, true);
  }

  /**
   * The record's aggregate and group as a JSON object, the same members in the same order as
   * {@link #encode} writes them: {@code {"aggregate":"demand.hourly_by_sku","sku":"S1",...}}.
   * Identifies a group's series of windows (a Kafka key).
   */
  public String encodeGroup(WindowRecord record) {
    return write(record, false);
  }

  /** The record, or without {@code whole} only its aggregate and group. */
  private String write(WindowRecord record, boolean whole) {
    Layout layout = layout(record);
    StringWriter out = new StringWriter(whole ? 256 : 96);
    try (JsonGenerator generator = factory.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("aggregate", record.aggregateId());
      if (whole) {
        generator.writeStringField("window_start", ValueFormat.timestamp(record.windowStart()));
        generator.writeStringField("window_end", ValueFormat.timestamp(record.windowEnd()));
      }
      writeFields(generator, layout.groupNames, layout.groupTypes, record.groupValues());
      if (whole) {
        writeFields(generator, layout.selectNames, layout.selectTypes, record.values());
      }
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private Layout layout(WindowRecord record) {
    Layout layout = layouts.get(record.aggregateId());
    if (layout == null) {
      throw new IllegalArgumentException("no aggregate " + record.aggregateId());
    }
    return layout;
  }

  private static void writeFields(JsonGenerator generator, String[] names, ValueType[] types, List<Object> values)
      throws IOException {
    for (int i = 0; i < names.length; i++) {
      generator.writeFieldName(names[i]);
      EventEncoder.writeValue(generator, values.get(i), types[i]);
    }
  }

  private record Layout(String[] groupNames, ValueType[] groupTypes, String[] selectNames, ValueType[] selectTypes) {
    static Layout of(AggregatePlan plan) {
      return new Layout(
          plan.groupBy().stream().map(AggregatePlan.GroupField::name).toArray(String[]::new),
          plan.groupBy().stream().map(AggregatePlan.GroupField::type).toArray(ValueType[]::new),
          plan.select().stream().map(AggregatePlan.SelectItem::name).toArray(String[]::new),
          plan.select().stream().map(item -> SlotKind.resultType(item.aggregate())).toArray(ValueType[]::new));
    }
  }
}
