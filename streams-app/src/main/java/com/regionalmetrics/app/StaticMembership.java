package com.regionalmetrics.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A group.instance.id that stays with the data directory. A process that restarts on the same data
 * after a crash then takes its old place in the consumer group at once, instead of waiting for the
 * dead member's session to time out (45 s by default) before anything is assigned. A clean stop
 * still leaves the group (close with leaveGroup), so scaling in rebalances at once.
 *
 * <p>An explicit {@code group.instance.id} (in Kubernetes the StatefulSet's pod name, stable across
 * restarts and reschedules) wins over the stored one, and then a clean stop does <em>not</em> leave
 * the group: a pod restarted by a rolling update takes its partitions back within the session
 * timeout without any rebalance, and queries for them are answered by the standbys meanwhile.
 */
final class StaticMembership {
  static final String FILE = "group-instance-id";

  private StaticMembership() {}

  /**
   * Leave the group on a clean stop unless the instance id was given explicitly (a stable identity
   * that comes back: the group keeps its place until the session times out).
   */
  static boolean leaveGroupOnClose(AppConfig config) {
    return config.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG).isEmpty();
  }

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
