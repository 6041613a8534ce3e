package dev.tollgate.jobs.backtest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tallies alerts against the input's labels into {@link BacktestReport.Effectiveness}. An alert is a
 * true positive when a labelled event is among its evidence; an instance is detected when any of its
 * events is.
 */
final class EffectivenessCounter {
  private final Map<String, String> labelsById;
  private final Map<String, String> instancesById;
  private final Map<String, long[]> perRule = new TreeMap<>();
  private final Map<String, TreeMap<String, Long>> typologiesPerRule = new HashMap<>();
  private final Map<String, Set<String>> detectedEventsByTypology = new HashMap<>();
  private final Map<String, Set<String>> detectedInstancesByTypology = new HashMap<>();
  private final Map<String, TreeMap<String, Long>> detectorsByTypology = new HashMap<>();

  EffectivenessCounter(LabelIndex.Labels labels) {
    this.labelsById = labels.typologies();
    this.instancesById = labels.instances();
  }

  void add(String ruleId, String eventIds) {
    long[] counts = perRule.computeIfAbsent(ruleId, r -> new long[2]);
    Set<String> typologies = new HashSet<>();
    if (!eventIds.isEmpty()) {
      for (String id : eventIds.split(",")) {
        String label = labelsById.get(id);
        if (label != null) {
          typologies.add(label);
          detectedEventsByTypology.computeIfAbsent(label, l -> new HashSet<>()).add(id);
          String instance = instancesById.get(id);
          if (instance != null) {
            detectedInstancesByTypology.computeIfAbsent(label, l -> new HashSet<>()).add(instance);
          }
        }
      }
    }
    counts[typologies.isEmpty() ? 1 : 0]++;
    for (String typology : typologies) {
      typologiesPerRule.computeIfAbsent(ruleId, r -> new TreeMap<>()).merge(typology, 1L, Long::sum);
      detectorsByTypology.computeIfAbsent(typology, t -> new TreeMap<>()).merge(ruleId, 1L, Long::sum);
    }
  }

  BacktestReport.Effectiveness result() {
    Map<String, BacktestReport.RuleFigures> rules = new TreeMap<>();
    perRule.forEach((rule, counts) -> rules.put(rule, new BacktestReport.RuleFigures(
        counts[0] + counts[1], counts[0], counts[1], typologiesPerRule.getOrDefault(rule, new TreeMap<>()))));
    Map<String, Long> labelled = new TreeMap<>();
    labelsById.values().forEach(label -> labelled.merge(label, 1L, Long::sum));
    Map<String, Set<String>> instances = new HashMap<>();
    instancesById.forEach((id, instance) ->
        instances.computeIfAbsent(labelsById.get(id), l -> new HashSet<>()).add(instance));
    Map<String, BacktestReport.TypologyFigures> typologies = new TreeMap<>();
    labelled.forEach((typology, count) -> typologies.put(typology, new BacktestReport.TypologyFigures(
        count,
        detectedEventsByTypology.getOrDefault(typology, Set.of()).size(),
        instances.getOrDefault(typology, Set.of()).size(),
        detectedInstancesByTypology.getOrDefault(typology, Set.of()).size(),
        detectorsByTypology.getOrDefault(typology, new TreeMap<>()))));
    return new BacktestReport.Effectiveness(rules, typologies);
  }
}
