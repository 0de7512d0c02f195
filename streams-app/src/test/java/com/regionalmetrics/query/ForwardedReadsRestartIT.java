package com.regionalmetrics.query;

import static com.regionalmetrics.testsupport.Http.JSON;
import static com.regionalmetrics.testsupport.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.testsupport.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose smoke test's rolling restart in one JVM: three instances on a real broker, a steady
 * query load through two of them for every key (a third of them owned by the third instance), while
 * the third is closed cleanly and started again on its data. What users rely on meanwhile: never a
 * wrong answer (a 404, an empty answer or another value for a key that exists, a 500, no answer
 * within 10 s: curl -m 10 in docker/smoke-test.sh); a 503 only as JSON with Retry-After, and the
 * same query asked again after it (as the dashboard's api.js does: Retry-After seconds, 1 to 10)
 * answered with the stored value within {@link #RETRIED_WITHIN}. A clean stop leaves the group, so
 * a task moves and restores before it is queryable: for about a second no copy may answer, which is
 * what the 503 is for.
 */
class ForwardedReadsRestartIT {
  private static final String[] CITIES = CityCluster.CITIES;
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

  /** From a query's first 503 to its answer, retried as the dashboard retries. */
  private static final Duration RETRIED_WITHIN = Duration.ofSeconds(5);

  @TempDir static Path dir;
  static CityCluster cluster;
  static int[] ports;
  static final RegionalMetricsApp[] apps = new RegionalMetricsApp[3];

  /** Public path of each key (by the label the articles used, as the smoke test asks) → value. */
  static final Map<String, Double> expected = new TreeMap<>();

  @BeforeAll
  static void start() throws Exception {
    cluster = CityCluster.start(dir, "forwarded-restart-it", 3);
    ports = cluster.ports;
    for (int i = 0; i < 3; i++) {
      apps[i] = startInstance(i);
    }
    for (RegionalMetricsApp app : apps) {
      assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
    }
    for (int i = 0; i < CITIES.length; i++) {
      var r =
          Http.at(ports[i % 3])
              .post(
                  "/api/articles?published=2025-03-01&id=city-" + i,
                  "text/plain; charset=utf-8",
                  CityCluster.article(i));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      expected.put(path(CITIES[i], "数据中心项目"), CityCluster.dataCentres(i));
      expected.put(path(CITIES[i], "5G基站"), CityCluster.baseStations(i));
    }
  }

  static RegionalMetricsApp startInstance(int i) {
    return cluster.startInstance(i);
  }

  @AfterAll
  static void stop() {
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
  void noWrongAnswerWhileTheOwnerOfAThirdOfTheKeysStopsAndStartsAgain() throws Exception {
    int owner = 2;
    // every key answered through both querying instances, and the owner holds some of them
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              int owned = 0;
              for (var e : expected.entrySet()) {
                for (int port : new int[] {ports[0], ports[1]}) {
                  HttpResponse<String> r = Http.at(port).get(e.getKey());
                  assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                  assertThat(value(r)).isEqualTo(e.getValue());
                  if (r.headers()
                      .firstValue("X-Served-By")
                      .orElse("")
                      .endsWith(":" + ports[owner])) {
                    owned++;
                  }
                }
              }
              assertThat(owned).as("keys forwarded to the instance that will stop").isPositive();
            });

    Load load = new Load(6);
    load.startAndWarmUp();
    load.phase("closing");
    apps[owner].close();
    load.phase("closed");
    long stopped = load.queries.get();
    // keys of the stopped owner are answered by standbys (its clean stop leaves the group: they
    // become active after a rebalance, the window this test is about)
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> load.stale.get() > 0 && load.queries.get() > stopped + 50);
    load.phase("starting");
    apps[owner] = startInstance(owner);
    load.phase("started");
    assertThat(apps[owner].awaitRunning(Duration.ofSeconds(90))).isTrue();
    load.phase("running");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .ignoreExceptions()
        .until(() -> Http.at(ports[owner]).get("/ready?caughtUp=true").statusCode() == 200);
    load.phase("caught up");
    // the owner answers its keys again, fresh, through the others
    long back = load.servedBy(ports[owner]);
    await().atMost(Duration.ofSeconds(30)).until(() -> load.servedBy(ports[owner]) > back + 20);
    load.stop();

    System.out.printf(
        "FIGURES forwarded restart: %d queries, %d failed, %d answered by a standby (X-Stale), "
            + "%d by the restarted owner after its return; %d answered 503 first (%d retries, "
            + "longest from the first 503 to the answer %d ms); slowest single request %d ms%n",
        load.queries.get(),
        load.failures.size(),
        load.stale.get(),
        load.servedBy(ports[owner]) - back,
        load.retried.get(),
        load.retries.get(),
        load.longestRetryMillis.get(),
        load.slowestMillis.get());
    assertThat(load.failures).as("queries without their value (after 503 retries)").isEmpty();
    assertThat(load.stale.get()).as("standbys answered while the owner was away").isPositive();
  }

  /** Threads asking every key in turn, alternately through instances 0 and 1. */
  static final class Load {
    final HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(QUERY_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    final ExecutorService threads;
    final int n;
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicInteger queries = new AtomicInteger();
    final AtomicInteger stale = new AtomicInteger();
    final AtomicInteger slowestMillis = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger longestRetryMillis = new AtomicInteger();
    final Map<String, AtomicInteger> served = new java.util.concurrent.ConcurrentHashMap<>();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final List<Future<?>> loops = new ArrayList<>();
    final long t0 = System.nanoTime();
    volatile String phase = "before";

    /** Names what the owner is doing now; each failure says in which phase it happened. */
    void phase(String name) {
      phase = name;
      System.out.printf("load: %s at %d ms, %d queries%n", name, sinceStart(), queries.get());
    }

    long sinceStart() {
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    Load(int n) {
      this.n = n;
      // daemon threads: a failed assertion must not leave the load running in the test JVM
      this.threads =
          Executors.newFixedThreadPool(
              n,
              r -> {
                Thread t = new Thread(r, "query-load");
                t.setDaemon(true);
                return t;
              });
    }

    void startAndWarmUp() {
      List<String> keys = new ArrayList<>(expected.keySet());
      for (int t = 0; t < n; t++) {
        int first = t;
        loops.add(threads.submit(() -> run(keys, first)));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> queries.get() >= 3L * keys.size());
    }

    void run(List<String> keys, int first) {
      int i = first;
      while (running.get()) {
        String path = keys.get(i % keys.size());
        int port = ports[i % 2];
        i++;
        query(port, path);
      }
    }

    /**
     * One user query: asked, and asked again after each 503 as the dashboard does; a failure is
     * recorded with the phase it began in.
     */
    void query(int port, String path) {
      String during = phase;
      long began = System.nanoTime();
      long first503 = 0;
      int attempts = 0;
      String outcome;
      while (true) {
        attempts++;
        long sent = System.nanoTime();
        HttpResponse<String> r;
        try {
          r =
              client.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                      .timeout(QUERY_TIMEOUT)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
          outcome = "no answer: " + e;
          break;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        slowestMillis.accumulateAndGet((int) ms, Math::max);
        if (r.statusCode() == 200 && expected.get(path).equals(value(r))) {
          if (r.headers().firstValue("X-Stale").orElse("").equals("true")) {
            stale.incrementAndGet();
          }
          served
              .computeIfAbsent(
                  r.headers().firstValue("X-Served-By").orElse("?"), k -> new AtomicInteger())
              .incrementAndGet();
          if (first503 != 0) {
            retried.incrementAndGet();
            retries.addAndGet(attempts - 1);
            longestRetryMillis.accumulateAndGet(
                (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - first503), Math::max);
          }
          outcome = null;
          break;
        }
        if (r.statusCode() != 503) {
          outcome = "wrong answer: " + r.statusCode() + " " + r.body();
          break;
        }
        long retryAfter = r.headers().firstValueAsLong("Retry-After").orElse(-1);
        if (retryAfter < 0 || !isJsonError(r, 503)) {
          outcome = "503 without Retry-After or JSON: " + r.headers().map() + " " + r.body();
          break;
        }
        if (first503 == 0) {
          first503 = sent;
        }
        // the dashboard's wait: Retry-After seconds, at least 1, at most 10
        long waitMillis = Math.min(Math.max(retryAfter, 1), 10) * 1000;
        if (System.nanoTime() + waitMillis * 1_000_000 - first503 > RETRIED_WITHIN.toNanos()) {
          outcome = "still 503 " + RETRIED_WITHIN.toMillis() + " ms after the first: " + r.body();
          break;
        }
        try {
          Thread.sleep(waitMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          outcome = "interrupted while waiting to retry";
          break;
        }
      }
      queries.incrementAndGet();
      if (outcome != null) {
        failures.add(
            during
                + " at "
                + TimeUnit.NANOSECONDS.toMillis(began - t0)
                + " ms: "
                + port
                + path
                + " (attempt "
                + attempts
                + ", "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)
                + " ms) -> "
                + outcome);
      }
    }

    long servedBy(int port) {
      AtomicInteger c = served.get("127.0.0.1:" + port);
      return c == null ? 0 : c.get();
    }

    void stop() throws Exception {
      running.set(false);
      for (Future<?> f : loops) {
        f.get(QUERY_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
      }
      threads.shutdown();
    }
  }

  static String path(String region, String label) {
    return "/api/indicators/" + enc(region) + "/" + enc(label);
  }

  /** An error body as the API writes them: JSON {status, error, message}. */
  static boolean isJsonError(HttpResponse<String> r, int status) {
    try {
      var body = JSON.readTree(r.body());
      return r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
          && body.path("status").asInt() == status
          && !body.path("message").asText().isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  static Double value(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body()).get("value").asDouble();
    } catch (Exception e) {
      return null;
    }
  }
}
