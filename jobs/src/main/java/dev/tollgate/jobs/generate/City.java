package dev.tollgate.jobs.generate;

/** A place where people live, merchants trade and parcels are scanned. */
record City(String name, String countryCode, double lat, double lon, boolean hub) {}
