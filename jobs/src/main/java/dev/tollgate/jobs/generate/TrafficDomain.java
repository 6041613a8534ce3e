package dev.tollgate.jobs.generate;

/** One kind of background activity: a customer's posting, a card authorization, a marketplace order... */
interface TrafficDomain {
  /** Starts one occurrence at the simulation's current time. */
  void arrive(Simulation simulation);

  /** Events one occurrence writes on average, to pace arrivals to the requested volume. */
  double eventsPerArrival();
}
