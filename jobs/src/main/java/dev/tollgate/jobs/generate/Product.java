package dev.tollgate.jobs.generate;

/**
 * A kind of goods: one HS 2022 subheading.
 *
 * @param typicalUsd typical value of one unit, what customs would expect to see declared
 * @param unitKg typical gross weight of one unit
 * @param listingWeight relative share of marketplace listings; zero for goods never sold there
 * @param restricted whether exporting it needs a licence or is prohibited
 */
record Product(
    String hsCode,
    String category,
    String description,
    double typicalUsd,
    double unitKg,
    double listingWeight,
    boolean restricted) {}
