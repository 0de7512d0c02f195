package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group instance id: kept in data.dir, unless one is given (a StatefulSet's pod name). */
class StaticMembershipTest {
  @TempDir Path data;

  @Test
  void theIdKeptInTheDataDirStaysAndTheGroupIsLeftOnAStop() {
    AppConfig c = AppConfig.load(null, Map.of("RM_DATA_DIR", data.toString()), Map.of());
    Properties first = RegionalMetricsApp.streamsProperties(c, c.kafkaProperties());
    Properties again = RegionalMetricsApp.streamsProperties(c, c.kafkaProperties());

    assertThat(first.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG).toString())
        .startsWith("regional-metrics-")
        .isEqualTo(again.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
    assertThat(data.resolve(StaticMembership.FILE)).exists();
    assertThat(StaticMembership.leaveGroupOnClose(c)).isTrue();
  }

  @Test
  void anExplicitIdWinsAndThenAStopKeepsThePlaceInTheGroup() throws Exception {
    Files.writeString(data.resolve(StaticMembership.FILE), "from-an-earlier-life\n");
    AppConfig c =
        AppConfig.load(
            null,
            Map.of("RM_DATA_DIR", data.toString(), "RM_GROUP_INSTANCE_ID", "regional-metrics-2"),
            Map.of());
    Properties p = RegionalMetricsApp.streamsProperties(c, c.kafkaProperties());

    assertThat(p.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).isEqualTo("regional-metrics-2");
    assertThat(StaticMembership.leaveGroupOnClose(c)).isFalse();
  }
}
