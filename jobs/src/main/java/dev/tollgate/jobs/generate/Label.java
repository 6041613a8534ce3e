package dev.tollgate.jobs.generate;

/**
 * What an injected event belongs to: its typology and the instance of it. All events of one instance share
 * the label, so a backtest can count instances caught as well as events.
 *
 * @param instance numbers the typology's instances from 1 in injection order
 */
record Label(Typology typology, int instance) {

  /** The value of the {@code "instance"} member: {@code structuring-0042}. */
  String instanceId() {
    return Ids.numbered(typology.label() + "-", instance, 4);
  }
}
