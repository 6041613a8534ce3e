package dev.tollgate.jobs.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A fixed set of choices drawn in proportion to their weights; choices of weight zero are never drawn. */
final class Weighted<T> {
  private final List<T> items;
  private final double[] cumulative;

  private Weighted(List<T> items, double[] cumulative) {
    this.items = items;
    this.cumulative = cumulative;
  }

  static <T> Weighted<T> of(List<T> candidates, ToDoubleFunction<? super T> weight) {
    List<T> items = new ArrayList<>();
    double[] cumulative = new double[candidates.size()];
    double total = 0;
    for (T candidate : candidates) {
      double w = weight.applyAsDouble(candidate);
      if (w > 0) {
        total += w;
        cumulative[items.size()] = total;
        items.add(candidate);
      }
    }
    return new Weighted<>(List.copyOf(items), Arrays.copyOf(cumulative, items.size()));
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  List<T> items() {
    return items;
  }

  T pick(Rng rng) {
    return pick(rng.uniform());
  }

  /** The choice at quantile {@code u} in {@code [0, 1)}; lets hashes pick as well as random draws. */
  T pick(double u) {
    if (items.isEmpty()) {
      throw new IllegalStateException("no choice has a positive weight");
    }
    double target = u * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, target);
    int index = i >= 0 ? i + 1 : -i - 1;
    return items.get(Math.min(index, items.size() - 1));
  }
}
