package dev.tollgate.jobs.docs;

import java.util.List;

/**
 * What the catalog says about one rule or aggregate, taken from its own metadata and plan.
 *
 * @param pack the id's first segment ({@code aml} for {@code aml.structuring})
 * @param kind {@code "rule"} or {@code "aggregate"}
 * @param runs how it runs, in a phrase ("windowed on Transaction, key accountId, window 24h")
 * @param thresholds {@code name = value} of every const it reads, in order of first use
 * @param title, description, severity, category, owner may be null
 */
record CatalogEntry(
    String id,
    String pack,
    String kind,
    String title,
    String description,
    String severity,
    String category,
    List<String> tags,
    String owner,
    String mode,
    String runs,
    List<String> thresholds,
    int tests,
    String location) {

  CatalogEntry {
    tags = List.copyOf(tags);
    thresholds = List.copyOf(thresholds);
  }
}
