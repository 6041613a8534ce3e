package dev.tollgate.engine.route;

import dev.tollgate.engine.alert.Alert;

/**
 * A compiled route condition: {@link #TRUE}, {@link #FALSE} or {@link #UNKNOWN} (a missing key
 * field met a comparison), the three values of the language's null logic.
 */
@FunctionalInterface
interface AlertTest {
  int TRUE = 1;
  int FALSE = 0;
  int UNKNOWN = -1;

  int test(Alert alert);

  static int of(boolean value) {
    return value ? TRUE : FALSE;
  }
}
