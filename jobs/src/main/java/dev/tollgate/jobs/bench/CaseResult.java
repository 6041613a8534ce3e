package dev.tollgate.jobs.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A case's measured rounds and what they add up to: events per second as median and spread, and
 * the peaks of heap and state over all rounds.
 */
record CaseResult(BenchCase benchCase, String inputDescription, List<RoundResult> rounds) {
  CaseResult {
    rounds = List.copyOf(rounds);
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("no rounds");
    }
  }

  String name() {
    return benchCase.name();
  }

  double medianEventsPerSecond() {
    return median(sortedRates());
  }

  double minEventsPerSecond() {
    return sortedRates().get(0);
  }

  double maxEventsPerSecond() {
    return sortedRates().get(rounds.size() - 1);
  }

  /** (max - min) / median, in percent. */
  double spreadPercent() {
    return 100 * (maxEventsPerSecond() - minEventsPerSecond()) / medianEventsPerSecond();
  }

  /** Median of events per CPU-second. */
  double medianEventsPerCpuSecond() {
    List<Double> rates = new ArrayList<>();
    for (RoundResult round : rounds) {
      rates.add(round.eventsPerCpuSecond());
    }
    rates.sort(null);
    return median(rates);
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  long heapPeakBytes() {
    return rounds.stream().mapToLong(RoundResult::heapLiveBytes).max().orElse(0);
  }

  long stateBytes() {
    return rounds.stream().mapToLong(RoundResult::stateBytes).max().orElse(0);
  }

  /** Outputs of the last round (every round of a case produces the same). */
  long outputs() {
    return rounds.get(rounds.size() - 1).outputs();
  }

  private List<Double> sortedRates() {
    List<Double> rates = new ArrayList<>();
    for (RoundResult round : rounds) {
      rates.add(round.eventsPerSecond());
    }
    rates.sort(null);
    return rates;
  }
}
