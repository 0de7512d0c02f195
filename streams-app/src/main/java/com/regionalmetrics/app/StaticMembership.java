package com.regionalmetrics.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A group.instance.id that stays with the data directory. A process that restarts on the same data
 * after a crash then takes its old place in the consumer group at once, instead of waiting for the
 * dead member's session to time out (45 s by default) before anything is assigned. A clean stop
 * still leaves the group (close with leaveGroup), so scaling in rebalances at once.
 */
final class StaticMembership {
  static final String FILE = "group-instance-id";

  private StaticMembership() {}

  /** The id stored in dataDir, created on first use. */
  static String instanceId(Path dataDir, String applicationId) {
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        String id = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!id.isEmpty()) {
          return id;
        }
      }
      Files.createDirectories(dataDir);
      String id = applicationId + "-" + UUID.randomUUID();
      Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the group instance id in " + file, e);
    }
  }
}
