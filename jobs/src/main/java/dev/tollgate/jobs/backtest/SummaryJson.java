package dev.tollgate.jobs.backtest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.tollgate.engine.eval.ValueFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** {@code summary.json}: the report's figures, pretty-printed for people and stable for diffs. */
final class SummaryJson {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private SummaryJson() {}

  static String encode(BacktestReport report) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.useDefaultPrettyPrinter();
      out.writeStartObject();
      out.writeNumberField("inputLines", report.inputLines());
      out.writeNumberField("processed", report.processed());
      out.writeNumberField("processedForAggregatesOnly", report.processedForAggregatesOnly());
      out.writeNumberField("rejected", report.rejected());
      writeCounts(out, "rejectedByReason", report.rejectedByReason());
      out.writeNumberField("alerts", report.alerts());
      writeCounts(out, "alertsPerRule", report.alertsPerRule());
      out.writeNumberField("aggregateRecords", report.aggregateRecords());
      writeAggregates(out, report.aggregates());
      out.writeNumberField("elapsedMillis", report.elapsed().toMillis());
      out.writeNumberField("eventsPerSecond", Math.round(report.eventsPerSecond()));
      if (report.effectiveness() != null) {
        writeEffectiveness(out, report.effectiveness());
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }

  private static void writeAggregates(JsonGenerator out, Map<String, BacktestReport.AggregateFigures> aggregates)
      throws IOException {
    out.writeObjectFieldStart("aggregates");
    for (Map.Entry<String, BacktestReport.AggregateFigures> aggregate : aggregates.entrySet()) {
      BacktestReport.AggregateFigures figures = aggregate.getValue();
      out.writeObjectFieldStart(aggregate.getKey());
      out.writeNumberField("records", figures.records());
      out.writeNumberField("groups", figures.groups());
      if (figures.measure() != null) {
        out.writeStringField("measure", figures.measure());
        out.writeStringField("rankedBy", figures.rankedByTotal() ? "total" : "peak");
      }
      out.writeArrayFieldStart("top");
      for (BacktestReport.GroupFigures group : figures.top()) {
        out.writeStartObject();
        out.writeObjectFieldStart("group");
        for (int i = 0; i < group.group().size(); i++) {
          out.writeStringField(figures.groupFields().get(i), group.group().get(i));
        }
        out.writeEndObject();
        out.writeNumberField("windows", group.windows());
        if (group.total() != null) {
          out.writeNumberField("total", group.total());
        }
        if (group.peak() != null) {
          out.writeNumberField("peak", group.peak());
          out.writeStringField("peakWindowStart", ValueFormat.timestamp(group.peakWindowStart()));
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    out.writeEndObject();
  }

  private static void writeEffectiveness(JsonGenerator out, BacktestReport.Effectiveness effectiveness) throws IOException {
    out.writeObjectFieldStart("effectiveness");
    out.writeObjectFieldStart("rules");
    for (Map.Entry<String, BacktestReport.RuleFigures> rule : effectiveness.rules().entrySet()) {
      BacktestReport.RuleFigures figures = rule.getValue();
      out.writeObjectFieldStart(rule.getKey());
      out.writeNumberField("alerts", figures.alerts());
      out.writeNumberField("truePositives", figures.truePositives());
      out.writeNumberField("falsePositives", figures.falsePositives());
      out.writeNumberField("precision", round(figures.precision()));
      writeCounts(out, "typologies", figures.typologies());
      out.writeEndObject();
    }
    out.writeEndObject();
    out.writeObjectFieldStart("typologies");
    for (Map.Entry<String, BacktestReport.TypologyFigures> typology : effectiveness.typologies().entrySet()) {
      BacktestReport.TypologyFigures figures = typology.getValue();
      out.writeObjectFieldStart(typology.getKey());
      out.writeNumberField("labelledEvents", figures.labelledEvents());
      out.writeNumberField("detectedEvents", figures.detectedEvents());
      out.writeNumberField("missed", figures.missed());
      out.writeNumberField("recall", round(figures.recall()));
      if (figures.instances() > 0) {
        out.writeNumberField("instances", figures.instances());
        out.writeNumberField("detectedInstances", figures.detectedInstances());
        out.writeNumberField("instanceRecall", round(figures.instanceRecall()));
      }
      writeCounts(out, "detectedBy", figures.detectedBy());
      out.writeEndObject();
    }
    out.writeEndObject();
    out.writeEndObject();
  }

  private static void writeCounts(JsonGenerator out, String name, Map<String, Long> counts) throws IOException {
    out.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      out.writeNumberField(entry.getKey(), entry.getValue());
    }
    out.writeEndObject();
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
