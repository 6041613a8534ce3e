package dev.tollgate.jobs.generate;

import java.util.Comparator;
import java.util.List;

/** The goods the generator knows, read from the shipped HS table. */
final class ProductCatalog {
  /** Unit value above which an undervalued declaration is worth the smuggler's trouble. */
  private static final double VALUABLE_USD = 100;

  private final Weighted<Product> listed;
  private final List<Product> restricted;
  private final List<Product> valuable;
  private final Product cheapest;

  private ProductCatalog(List<Product> products) {
    this.listed = Weighted.of(products, Product::listingWeight);
    this.restricted = products.stream().filter(Product::restricted).toList();
    this.valuable = products.stream()
        .filter(p -> !p.restricted() && p.typicalUsd() >= VALUABLE_USD)
        .toList();
    this.cheapest = listed.items().stream().min(Comparator.comparingDouble(Product::typicalUsd)).orElseThrow();
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

  /** Goods sold on the marketplace whose typical unit value is at most {@code usd}, the cheapest if none is. */
  Product listedUpTo(double usd, Rng rng) {
    for (int attempt = 0; attempt < 32; attempt++) {
      Product product = listed.pick(rng);
      if (product.typicalUsd() <= usd) {
        return product;
      }
    }
    return cheapest;
  }

  List<Product> restricted() {
    return restricted;
  }

  List<Product> valuable() {
    return valuable;
  }
}
