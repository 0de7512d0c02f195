package com.regionalmetrics.query;

import static com.regionalmetrics.testsupport.Http.JSON;
import static com.regionalmetrics.testsupport.Http.enc;
import static com.regionalmetrics.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.testsupport.AppProcess;
import com.regionalmetrics.testsupport.Http;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances of the job on one real broker, each with its own state directory and HTTP port —
 * two in this JVM, the third a separate process that can be killed with SIGKILL: any instance
 * answers any question, identically; with one instance stopped or killed the others keep answering;
 * listings paginate across all of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {
  private static final String[] CITIES = CityCluster.CITIES;

  @TempDir static Path dir;
  static CityCluster cluster;
  static int[] ports;
  static final RegionalMetricsApp[] apps = new RegionalMetricsApp[2];
  static Process third;

  /** "region|label" -> expected latest value, from the articles below. */
  static final Map<String, Double> expected = new TreeMap<>();

  @BeforeAll
  static void start() throws Exception {
    cluster = CityCluster.start(dir, "multi-instance-it", 3);
    ports = cluster.ports;
    for (int i = 0; i < 2; i++) {
      apps[i] = startInstance(i);
    }
    third = startProcess();
    for (RegionalMetricsApp app : apps) {
      assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
    }
    awaitReady(ports[2]);
    for (int i = 0; i < CITIES.length; i++) {
      var r =
          post(
              ports[i % 3],
              "/api/articles?published=2025-03-01&id=city-" + i,
              CityCluster.article(i));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      expected.put(CITIES[i] + "|数据中心项目", CityCluster.dataCentres(i));
      expected.put(CITIES[i] + "|5G基站", CityCluster.baseStations(i));
    }
  }

  static RegionalMetricsApp startInstance(int i) {
    return cluster.startInstance(i);
  }

  /** The third instance, as its own JVM running the CLI, as a deployment would. */
  static Process startProcess() throws IOException {
    return AppProcess.start(
        cluster.dataDir(2),
        cluster.broker.bootstrapServers(),
        cluster.registry.url(),
        ports[2],
        Map.of("application.id", cluster.applicationId(), "commit.interval.ms", "100"),
        dir.resolve("instance-2.log"));
  }

  static void awaitReady(int port) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .ignoreExceptions()
        .until(() -> get(port, "/ready?caughtUp=true").statusCode() == 200);
  }

  @AfterAll
  static void stop() {
    if (third != null) {
      third.destroyForcibly();
    }
    for (RegionalMetricsApp app : apps) {
      if (app != null) {
        app.close();
      }
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void everyIndicatorIsAnswerableIdenticallyFromEveryInstance() throws Exception {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (int port : ports) {
                assertThat(latestValues(port)).isEqualTo(expected);
              }
            });
    // identical bodies, whichever instance is asked
    String key = "/api/indicators/" + enc("唐山") + "/" + enc("数据中心项目");
    Set<String> bodies = new HashSet<>();
    Set<String> servedBy = new HashSet<>();
    for (int port : ports) {
      HttpResponse<String> r = get(port, key);
      assertThat(r.statusCode()).isEqualTo(200);
      bodies.add(r.body());
      servedBy.add(r.headers().firstValue("X-Served-By").orElseThrow());
    }
    assertThat(bodies).hasSize(1);
    assertThat(servedBy).as("one active instance owns the key").hasSize(1);
    // history and as-of are forwarded to the owner too: the same bodies from every instance
    for (String path : List.of(key + "/history", key + "?asOf=2024", key + "/claims")) {
      Set<String> answers = new HashSet<>();
      for (int port : ports) {
        HttpResponse<String> r = get(port, path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Served-By"))
            .as(path)
            .hasValue(servedBy.iterator().next());
        assertThat(r.headers().firstValue("X-Stale")).as(path).hasValue("false");
        answers.add(r.body());
      }
      assertThat(answers).as(path).hasSize(1);
    }
    assertThat(JSON.readTree(get(ports[0], key + "/history").body()).get("values")).hasSize(1);
    assertThat(JSON.readTree(get(ports[0], key + "?asOf=2024").body()).get("value").asDouble())
        .isEqualTo(10.0 + 1);
  }

  @Test
  @Order(2)
  void walkingTheCursorReturnsEveryIndicatorExactlyOnce() throws Exception {
    for (int port : ports) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        JsonNode page =
            JSON.readTree(
                get(port, "/api/indicators?limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
                    .body());
        assertThat(page.get("partial").asBoolean()).isFalse();
        page.get("items")
            .forEach(
                i -> seen.add(i.get("region").asText() + "|" + i.get("indicatorLabel").asText()));
        cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        pages++;
      } while (cursor != null && pages < 100);
      assertThat(seen)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
  }

  @Test
  @Order(2)
  void walkingTheRegionCursorReturnsEveryRegionOnceWithItsTotalsFromEveryInstance()
      throws Exception {
    Map<String, Integer> expectedRegions = new TreeMap<>();
    for (String city : CITIES) {
      expectedRegions.put(city, 2);
    }
    Set<String> bodies = new HashSet<>();
    for (int port : ports) {
      JsonNode all = JSON.readTree(get(port, "/api/regions").body());
      assertThat(all.get("nextCursor").isNull()).isTrue();
      bodies.add(all.get("regions").toString());
      List<JsonNode> walked = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        HttpResponse<String> r =
            get(port, "/api/regions?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode page = JSON.readTree(r.body());
        assertThat(page.get("partial").asBoolean()).isFalse();
        assertThat(page.get("regions").size()).isLessThanOrEqualTo(3);
        page.get("regions").forEach(walked::add);
        cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        pages++;
      } while (cursor != null && pages < 100);
      assertThat(pages).isEqualTo(4);
      Map<String, Integer> counts = new TreeMap<>();
      walked.forEach(
          g -> counts.merge(g.get("region").asText(), g.get("indicators").asInt(), Integer::sum));
      assertThat(counts).isEqualTo(expectedRegions);
      assertThat(walked).containsExactlyElementsOf(all.get("regions"));
    }
    assertThat(bodies).as("the same listing from every instance").hasSize(1);
    assertThat(get(ports[0], "/api/regions?cursor=garbage").statusCode()).isEqualTo(400);
    assertThat(get(ports[0], "/api/regions?limit=0").statusCode()).isEqualTo(400);
  }

  @Test
  @Order(3)
  void instancesEndpointShowsWhereEveryPartitionLives() throws Exception {
    JsonNode instances = JSON.readTree(get(ports[0], "/api/instances").body()).get("instances");
    assertThat(instances).hasSize(3);
    Set<Integer> active = new HashSet<>();
    instances.forEach(
        i -> {
          assertThat(i.get("state").asText()).isEqualTo("RUNNING");
          i.get("activePartitions").forEach(p -> active.add(p.asInt()));
        });
    assertThat(active).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  @Order(4)
  void withOneInstanceClosedTheOthersKeepAnsweringAndAllConvergeAfterItReturns() throws Exception {
    apps[1].close();
    long stoppedAt = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              assertThat(latestValues(ports[0])).isEqualTo(expected);
              assertThat(latestValues(ports[2])).isEqualTo(expected);
            });
    System.out.printf(
        "survivors answered every key %.1f s after one of three instances closed%n",
        (System.nanoTime() - stoppedAt) / 1e9);

    apps[1] = startInstance(1);
    assertThat(apps[1].awaitRunning(Duration.ofSeconds(90))).isTrue();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (int port : ports) {
                assertThat(latestValues(port)).isEqualTo(expected);
              }
            });
  }

  @Test
  @Order(5)
  void withOneInstanceKilledTheOthersAnswerFromStandbysFlaggedStale() throws Exception {
    // which keys does the process own? those are the ones that must fall back to a standby
    // after the previous test's restart the group may still be settling its assignment
    Set<String> ownedByThird = new HashSet<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              ownedByThird.clear();
              for (String key : expected.keySet()) {
                String[] parts = key.split("\\|");
                var r = get(ports[0], "/api/indicators/" + enc(parts[0]) + "/" + enc(parts[1]));
                if (r.headers().firstValue("X-Served-By").orElse("").endsWith(":" + ports[2])
                    && "false".equals(r.headers().firstValue("X-Stale").orElse(""))) {
                  ownedByThird.add(key);
                }
              }
              assertThat(ownedByThird).as("the third instance owns some keys").isNotEmpty();
            });

    String[] parts = ownedByThird.iterator().next().split("\\|");
    String path = "/api/indicators/" + enc(parts[0]) + "/" + enc(parts[1]);
    // a standby can only answer once it exists: after the restart of Order(4) the survivors may
    // still be creating theirs, so the kill waits until they hold a copy of the third's partitions
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () ->
                assertThat(union(localCopies(ports[0]), localCopies(ports[1])))
                    .containsAll(activePartitions(ports[2])));
    third.destroyForcibly().waitFor();
    long killedAt = System.nanoTime();
    // the group still lists the dead member until its session times out: the survivors must
    // answer its keys from their standby copies meanwhile, and say the answer may be stale.
    // Availability per key: the first answer comes within a few seconds of the kill.
    HttpResponse<String> stale = null;
    while (System.nanoTime() - killedAt < Duration.ofSeconds(5).toNanos()) {
      stale = get(ports[0], path);
      if (stale.statusCode() == 200) {
        break;
      }
      assertThat(stale.statusCode()).as(stale.body()).isEqualTo(503);
      Thread.sleep(100);
    }
    double outage = (System.nanoTime() - killedAt) / 1e9;
    assertThat(stale.statusCode())
        .as("a key of the killed instance answered within 5 s")
        .isEqualTo(200);
    assertThat(stale.headers().firstValue("X-Stale")).as("read from a standby").hasValue("true");
    assertThat(stale.headers().firstValue("X-Served-By"))
        .hasValueSatisfying(
            h -> assertThat(h).isIn("127.0.0.1:" + ports[0], "127.0.0.1:" + ports[1]));
    assertThat(JSON.readTree(stale.body()).get("value").asDouble())
        .isEqualTo(expected.get(ownedByThird.iterator().next()));
    // how far behind the standby copy is travels with the answer; a bound below it refuses it
    long lag = Long.parseLong(stale.headers().firstValue("X-Lag").orElseThrow());
    System.out.printf(
        "FIGURES multi-instance: the standby copy that answered lags %d offsets%n", lag);
    assertThat(lag)
        .as("under exactly-once a standby trails the changelog's end by its commit markers")
        .isPositive();
    HttpResponse<String> tooStale = get(ports[0], path + "?maxLag=0");
    assertThat(tooStale.statusCode()).as(tooStale.body()).isEqualTo(503);
    assertThat(tooStale.headers().firstValue("Retry-After")).isPresent();
    assertThat(JSON.readTree(tooStale.body()).get("message").asText()).contains("maxLag=0");
    HttpResponse<String> within = get(ports[0], path + "?maxLag=" + (lag + 1000));
    assertThat(within.statusCode()).as(within.body()).isEqualTo(200);
    assertThat(within.headers().firstValue("X-Stale")).hasValue("true");
    assertThat(get(ports[0], path + "?maxLag=-1").statusCode()).isEqualTo(400);
    HttpResponse<String> staleHistory = get(ports[1], path + "/history");
    assertThat(staleHistory.statusCode()).isEqualTo(200);
    assertThat(staleHistory.headers().firstValue("X-Stale")).hasValue("true");
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              assertThat(latestValues(ports[0])).isEqualTo(expected);
              assertThat(latestValues(ports[1])).isEqualTo(expected);
            });
    System.out.printf(
        "FIGURES multi-instance: first answer for a key of the killed instance after %.2f s; every key after %.1f s%n",
        outage, (System.nanoTime() - killedAt) / 1e9);

    third = startProcess();
    awaitReady(ports[2]);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (int port : ports) {
                assertThat(latestValues(port)).isEqualTo(expected);
              }
            });
  }

  /** The partitions an instance holds a store copy of, active or standby (its own lag report). */
  static Set<Integer> localCopies(int port) {
    Set<Integer> held = new HashSet<>();
    self(port).get("lag").fieldNames().forEachRemaining(p -> held.add(Integer.parseInt(p)));
    return held;
  }

  static Set<Integer> activePartitions(int port) {
    Set<Integer> active = new HashSet<>();
    self(port).get("activePartitions").forEach(p -> active.add(p.asInt()));
    return active;
  }

  static JsonNode self(int port) {
    for (JsonNode i : json(get(port, "/api/instances")).get("instances")) {
      if (i.get("self").asBoolean()) {
        return i;
      }
    }
    throw new AssertionError("no self entry on " + port);
  }

  static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
    Set<Integer> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }

  /**
   * What one instance answers for every expected key: "region|label" -> value (missing when not
   * 200).
   */
  static Map<String, Double> latestValues(int port) throws Exception {
    Map<String, Double> values = new TreeMap<>();
    for (String key : expected.keySet()) {
      String[] parts = key.split("\\|");
      HttpResponse<String> r = get(port, "/api/indicators/" + enc(parts[0]) + "/" + enc(parts[1]));
      if (r.statusCode() == 200) {
        values.put(key, JSON.readTree(r.body()).get("value").asDouble());
      } else {
        assertThat(r.statusCode()).as("never a wrong 404 or a 500: %s", r.body()).isIn(503);
      }
    }
    return values;
  }

  static HttpResponse<String> get(int port, String path) {
    return Http.at(port).get(path);
  }

  static HttpResponse<String> post(int port, String path, String body) {
    return Http.at(port).post(path, "text/plain; charset=utf-8", body);
  }
}
