package dev.tollgate.jobs.generate;

import java.util.List;

/** The goods the generator knows, read from the shipped HS table. */
final class ProductCatalog {
  /** Unit value above which an undervalued declaration is worth the smuggler's trouble. */
  private static final double VALUABLE_USD = 100;

  private final Weighted<Product> listed;
  private final List<Product> restricted;
  private final List<Product> valuable;

  private ProductCatalog(List<Product> products) {
    this.listed = Weighted.of(products, Product::listingWeight);
    this.restricted = products.stream().filter(Product::restricted).toList();
    this.valuable = products.stream()
        .filter(p -> !p.restricted() && p.typicalUsd() >= VALUABLE_USD)
        .toList();
  }

  static ProductCatalog load() {
    return new ProductCatalog(Tsv.read("products.tsv").stream()
        .map(row -> new Product(row.text("hsCode"), row.text("category"), row.text("description"),
            row.number("typicalUsd"), row.number("unitKg"), row.number("weight"), row.flag("restricted")))
        .toList());
  }

  /** Goods sold on the marketplace, by how many listings they have. */
  Product listed(double u) {
    return listed.pick(u);
  }

  Product listed(Rng rng) {
    return listed.pick(rng);
  }

  List<Product> restricted() {
    return restricted;
  }

  List<Product> valuable() {
    return valuable;
  }
}
