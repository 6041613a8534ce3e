package dev.tollgate.jobs.cli;

import picocli.CommandLine.IVersionProvider;

/** The version the jar was built as (from its manifest), or {@code dev} when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = TollgateCommand.class.getPackage().getImplementationVersion();
    return new String[] {"tollgate " + (version == null ? "dev" : version)};
  }
}
