package com.regionalmetrics.app;

import com.regionalmetrics.topology.RegionalMetricsTopology;
import com.regionalmetrics.topology.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the app's topics when they are missing, with configs that keep records stamped years in
 * the past: no time-based deletion (retention.ms=-1), no segment roll per timestamp jump, and no
 * rejection by the broker's timestamp bounds.
 */
final class TopicInitializer {
  private static final Logger LOG = LoggerFactory.getLogger(TopicInitializer.class);
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private TopicInitializer() {}

  static Map<String, String> topicConfig() {
    Map<String, String> c = new HashMap<>(RegionalMetricsTopology.OLD_TIMESTAMP_TOPIC_CONFIGS);
    c.put("retention.ms", "-1");
    c.put("segment.ms", Long.toString(Duration.ofDays(365L * 100).toMillis()));
    c.put("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    return c;
  }

  /** A topic created a moment ago may not be known to every broker yet: ask again for a while. */
  private static int partitionCount(Admin admin, String topic) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        return admin
            .describeTopics(List.of(topic))
            .allTopicNames()
            .get(30, TimeUnit.SECONDS)
            .get(topic)
            .partitions()
            .size();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  /**
   * Creates the missing topics ({@code create}) or checks that they all exist (topics owned
   * elsewhere); returns the partition count of metric-events (= of the stores).
   *
   * @throws MissingTopicsException when {@code create} is false and topics are missing
   */
  static int prepareTopics(
      Map<String, Object> adminConfig,
      TopicNames names,
      boolean create,
      int partitions,
      short replicationFactor) {
    try (Admin admin = Admin.create(adminConfig)) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<String> absent = names.all().stream().filter(t -> !existing.contains(t)).toList();
      if (!create) {
        if (!absent.isEmpty()) {
          throw new MissingTopicsException(absent);
        }
        LOG.info("topics.create=false: all {} topics exist ({})", names.all().size(), names.all());
        return partitionCount(admin, names.metricEvents());
      }
      List<NewTopic> missing =
          absent.stream()
              .map(
                  t ->
                      new NewTopic(t, Optional.of(partitions), Optional.of(replicationFactor))
                          .configs(topicConfig()))
              .toList();
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get(60, TimeUnit.SECONDS);
          LOG.info("Created topic {}", entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      return partitionCount(admin, names.metricEvents());
    } catch (MissingTopicsException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing topics", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          (create ? "could not create topics: " : "could not check topics: ") + e.getMessage(), e);
    }
  }
}
