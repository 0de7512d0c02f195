package com.regionalmetrics.query;

import static com.regionalmetrics.testsupport.Http.freePort;

import com.regionalmetrics.app.AppConfig;
import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.embedded.EmbeddedKafkaBroker;
import com.regionalmetrics.serde.InMemorySchemaRegistry;
import com.regionalmetrics.serde.SchemaRegistryServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The multi-instance ITs' cluster: a real broker, a schema registry and a free HTTP port for each
 * instance, and ten cities' articles whose figures the tests know in advance.
 */
final class CityCluster implements AutoCloseable {
  static final String[] CITIES = {"保定", "唐山", "廊坊", "邯郸", "承德", "秦皇岛", "沧州", "衡水", "邢台", "石家庄"};

  final EmbeddedKafkaBroker broker;
  final SchemaRegistryServer registry;
  final int[] ports;
  private final Path dir;
  private final String applicationId;

  private CityCluster(Path dir, String applicationId, int instances) throws Exception {
    this.dir = dir;
    this.applicationId = applicationId;
    broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), "127.0.0.1", 0, Map.of());
    registry = new SchemaRegistryServer(new InMemorySchemaRegistry());
    registry.start("127.0.0.1", 0);
    ports = new int[instances];
    for (int i = 0; i < instances; i++) {
      ports[i] = freePort();
    }
  }

  static CityCluster start(Path dir, String applicationId, int instances) throws Exception {
    return new CityCluster(dir, applicationId, instances);
  }

  /**
   * Instance i in this JVM, on its port and its own data directory, with a standby of each task.
   */
  RegionalMetricsApp startInstance(int i) {
    return RegionalMetricsApp.start(
        AppConfig.defaults()
            .with(AppConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
            .with(AppConfig.SCHEMA_REGISTRY_URL, registry.url())
            .with(AppConfig.HTTP_PORT, Integer.toString(ports[i]))
            .with(AppConfig.DATA_DIR, dataDir(i).toString())
            .with(AppConfig.APPLICATION_ID, applicationId)
            .with("num.standby.replicas", "1")
            .with("commit.interval.ms", "100"));
  }

  Path dataDir(int i) {
    return dir.resolve("instance-" + i);
  }

  String applicationId() {
    return applicationId;
  }

  /**
   * City i's article: {@link #dataCentres} data centre projects and {@link #baseStations} 5G sites.
   */
  static String article(int i) {
    return "截至去年底，" + CITIES[i] + "市数据中心项目达到" + (10 + i) + "个，5G基站达到" + (1000 + 7 * i) + "个。";
  }

  static double dataCentres(int i) {
    return 10.0 + i;
  }

  static double baseStations(int i) {
    return 1000.0 + 7 * i;
  }

  @Override
  public void close() {
    registry.close();
    broker.close();
  }
}
