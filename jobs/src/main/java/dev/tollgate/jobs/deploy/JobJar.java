package dev.tollgate.jobs.deploy;

import dev.tollgate.jobs.stack.BuildClasspaths;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shaded job jar is when the command line does not name one. */
public final class JobJar {
  private JobJar() {}

  /**
   * The jar this code runs from when it is the job jar (the job image runs the command line from
   * it), else the one the build put next to the classpath files.
   */
  public static Path locate() {
    try {
      Path self = Path.of(JobJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(self) && self.getFileName().toString().endsWith("-job.jar")) {
        return self;
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // not loaded from a file: fall back to the build folder
    }
    return BuildClasspaths.located().jobJar();
  }
}
