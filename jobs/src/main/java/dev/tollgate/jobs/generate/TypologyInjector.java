package dev.tollgate.jobs.generate;

/** Injects the typologies of one family into the simulation. */
interface TypologyInjector {
  /** Starts one labelled instance of {@code typology} at the simulation's current time. */
  void inject(Typology typology, Simulation simulation, Rng rng);
}
