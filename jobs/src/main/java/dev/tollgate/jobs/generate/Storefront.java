package dev.tollgate.jobs.generate;

/**
 * The marketplace's buyers, sellers and listings. A listing is one seller's offer of one product at a
 * list price; listing popularity and buyer activity follow Zipf laws.
 */
final class Storefront {
  private final ProductCatalog products;
  private final Country[] buyerCountry;
  private final City[] buyerCity;
  private final Country[] sellerCountry;
  private final City[] sellerCity;
  private final Product[] listingProduct;
  private final int[] listingSeller;
  private final double[] listingPriceUsd;
  private final Zipf buyerActivity;
  private final Zipf sellerActivity;
  private final Zipf listingPopularity;

  Storefront(Geography geography, ProductCatalog products, int buyers, int sellers, int listings, Rng rng) {
    this.products = products;
    Weighted<Country> buyerHomes = Weighted.of(geography.countries(), Country::buyerWeight);
    Weighted<Country> sellerHomes = Weighted.of(geography.countries(), Country::sellerWeight);
    this.buyerCountry = new Country[buyers];
    this.buyerCity = new City[buyers];
    for (int b = 0; b < buyers; b++) {
      buyerCountry[b] = buyerHomes.pick(rng);
      buyerCity[b] = rng.pick(buyerCountry[b].cities());
    }
    this.sellerCountry = new Country[sellers];
    this.sellerCity = new City[sellers];
    for (int s = 0; s < sellers; s++) {
      sellerCountry[s] = sellerHomes.pick(rng);
      sellerCity[s] = rng.pick(sellerCountry[s].cities());
    }
    this.listingProduct = new Product[listings];
    this.listingSeller = new int[listings];
    this.listingPriceUsd = new double[listings];
    Zipf sellerSize = new Zipf(sellers, 0.9, 10); // big sellers list more
    for (int l = 0; l < listings; l++) {
      listingProduct[l] = products.listed(rng);
      listingSeller[l] = sellerSize.sample(rng);
      // Nobody lists far below the going rate: goods offered at a third of it are counterfeit or stolen.
      double typical = listingProduct[l].typicalUsd();
      listingPriceUsd[l] = Math.max(typical / 2, rng.logNormal(typical, 0.35));
    }
    this.buyerActivity = new Zipf(buyers, 1.0, 1000); // the keenest buyer orders every few days
    this.sellerActivity = sellerSize;
    this.listingPopularity = new Zipf(listings, 1.05, 20);
  }

  ProductCatalog products() {
    return products;
  }

  int activeBuyer(Rng rng) {
    return buyerActivity.sample(rng);
  }

  String buyerId(int buyer) {
    return Ids.numbered("BUY", buyer, 7);
  }

  Country buyerCountry(int buyer) {
    return buyerCountry[buyer];
  }

  City buyerCity(int buyer) {
    return buyerCity[buyer];
  }

  int activeSeller(Rng rng) {
    return sellerActivity.sample(rng);
  }

  String sellerId(int seller) {
    return Ids.numbered("SEL", seller, 6);
  }

  Country sellerCountry(int seller) {
    return sellerCountry[seller];
  }

  City sellerCity(int seller) {
    return sellerCity[seller];
  }

  int popularListing(Rng rng) {
    return listingPopularity.sample(rng);
  }

  Product product(int listing) {
    return listingProduct[listing];
  }

  int seller(int listing) {
    return listingSeller[listing];
  }

  double priceUsd(int listing) {
    return listingPriceUsd[listing];
  }

  /** {@code ELE-851713-000042}: category, HS code and listing number, as sellers' skus often encode. */
  String sku(int listing) {
    Product product = listingProduct[listing];
    return Ids.numbered(product.category().substring(0, 3) + "-" + product.hsCode() + "-", listing, 6);
  }
}
