package dev.tollgate.engine.route.webhook;

import java.io.Serializable;

/**
 * Where webhook signing secrets come from. Looked up where the delivery runs (on each task
 * manager), never shipped with the job, never logged.
 */
@FunctionalInterface
public interface Secrets extends Serializable {

  /** The value of {@code variable}, or null if it is not set. */
  String lookup(String variable);

  /** The process environment: what a deployment sets on its task managers. */
  static Secrets environment() {
    return System::getenv;
  }
}
