package dev.tollgate.jobs.generate;

/** Injects the typologies of one family into the simulation. */
interface TypologyInjector {
  /** Starts the instance {@code label} names at the simulation's current time; its events carry the label. */
  void inject(Label label, Simulation simulation, Rng rng);
}
