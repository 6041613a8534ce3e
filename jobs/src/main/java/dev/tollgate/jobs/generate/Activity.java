package dev.tollgate.jobs.generate;

/** Something that happens at a point of simulated time: it emits events and may schedule what follows. */
@FunctionalInterface
interface Activity {
  void run(Simulation simulation);
}
