package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleMetadata;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertIds;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.eval.TemplateRenderer;
import dev.tollgate.engine.eval.ValueFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Alert} for a window whose spike condition held.
 *
 * <ul>
 *   <li>{@code ruleId}/{@code ruleVersion}: the aggregate's id and version; severity from the
 *       spike; category, mode and tags from the aggregate's metadata ({@code demand}, active and
 *       none when it has none).
 *   <li>{@code key}: the group fields; {@code eventTime}: window end − 1 ms, the last instant
 *       inside the (end-exclusive) window.
 *   <li>{@code events}: empty — a window keeps no events; the evidence is the window record with
 *       the same aggregate, group and window in {@code aggregates.jsonl}.
 *   <li>{@code message}: the spike's template, or {@code "<id>: spike in <field>=<value>, ... in
 *       window <start>/<end>"}.
 *   <li>{@code alertId}: {@link AlertIds} over id, version and the group values followed by the
 *       window start (ISO-8601), standing in for matched events, so a replay yields the same id.
 * </ul>
 *
 * Not thread-safe (the renderer reuses a buffer); one per function instance.
 */
final class SpikeAlerts {
  static final String DEFAULT_CATEGORY = "demand";

  private final AggregatePlan plan;
  private final TemplateRenderer template;

  SpikeAlerts(AggregatePlan plan) {
    this.plan = plan;
    this.template = plan.spike().alert() == null
        ? null
        : new TemplateRenderer(plan.spike().alert(), new ExpressionCompiler());
  }

  Alert alert(WindowRecord record, SpikeContext context) {
    Map<String, Object> key = new LinkedHashMap<>();
    for (int i = 0; i < plan.groupBy().size(); i++) {
      key.put(plan.groupBy().get(i).name(), record.groupValues().get(i));
    }
    List<Object> idParts = new ArrayList<>(record.groupValues());
    idParts.add(ValueFormat.timestamp(record.windowStart()));
    RuleMetadata metadata = plan.metadata();
    String message = template != null ? template.render(context) : defaultMessage(record, key);
    return new Alert(
        AlertIds.of(plan.id(), plan.version(), idParts, List.of()),
        plan.id(),
        plan.version(),
        plan.spike().severity(),
        metadata != null && metadata.category() != null ? metadata.category() : DEFAULT_CATEGORY,
        metadata != null && metadata.mode() != null ? metadata.mode() : Mode.ACTIVE,
        key,
        message,
        record.windowEnd() - 1,
        List.of(),
        metadata != null ? metadata.tags() : List.of());
  }

  private String defaultMessage(WindowRecord record, Map<String, Object> key) {
    StringBuilder out = new StringBuilder(plan.id()).append(": spike in ");
    if (key.isEmpty()) {
      out.append("all events");
    }
    String separator = "";
    int index = 0;
    for (Map.Entry<String, Object> entry : key.entrySet()) {
      out.append(separator).append(entry.getKey()).append('=');
      ValueFormat.append(out, entry.getValue(), plan.groupBy().get(index++).type());
      separator = ", ";
    }
    return out.append(" in window ").append(ValueFormat.timestamp(record.windowStart()))
        .append('/').append(ValueFormat.timestamp(record.windowEnd())).toString();
  }
}
