package com.regionalmetrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A peer of an older version (a rolling upgrade) has no POST /keys: its 404 makes key reads go to
 * it one GET per read (/value, /history), answered as before; a real HTTP server plays that peer.
 */
class OlderPeerTest {
  private Javalin peer;
  private RemoteInstances remote;
  private final AtomicInteger batchCalls = new AtomicInteger();
  private final AtomicInteger singleCalls = new AtomicInteger();

  @BeforeEach
  void start() {
    MetricEventView v = view("2024");
    peer =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
                  config.routes.post(
                      RemoteInstances.PATH + "/keys",
                      ctx -> {
                        batchCalls.incrementAndGet();
                        ctx.status(404).result("{\"status\":404}");
                      });
                  config.routes.get(
                      RemoteInstances.PATH + "/value",
                      ctx -> {
                        singleCalls.incrementAndGet();
                        ctx.json(
                            "张家口|air.pm25".equals(ctx.queryParam("key"))
                                ? new RemoteInstances.ValueReply("FOUND", v, null, 3L)
                                : new RemoteInstances.ValueReply("ABSENT", null, null, 3L));
                      });
                  config.routes.get(
                      RemoteInstances.PATH + "/history",
                      ctx -> {
                        singleCalls.incrementAndGet();
                        ctx.json(new RemoteInstances.HistoryReply("FOUND", List.of(v), null, 0L));
                      });
                })
            .start("127.0.0.1", 0);
    remote = new RemoteInstances(Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    remote.close();
    peer.stop();
  }

  @Test
  void keyReadsGoOneByOneToAPeerWithoutTheBatchEndpoint() {
    StoreReader reader = remote.reader(new HostInfo("127.0.0.1", peer.port()));

    LocalRead<MetricEventView> found = reader.value("张家口|air.pm25", 1, null, false).join();
    assertThat(found.status()).isEqualTo(LocalRead.Status.FOUND);
    assertThat(found.value().period()).isEqualTo("2024");
    assertThat(found.lag()).isEqualTo(3L);
    assertThat(reader.value("承德|air.pm25", 1, null, true).join().status())
        .isEqualTo(LocalRead.Status.ABSENT);
    LocalRead<List<MetricEventView>> history = reader.history("张家口|air.pm25", 1, false).join();
    assertThat(history.status()).isEqualTo(LocalRead.Status.FOUND);
    assertThat(history.value()).extracting(MetricEventView::period).containsExactly("2024");

    // asked for /keys once, then remembered (rechecked after a minute)
    assertThat(batchCalls.get()).isEqualTo(1);
    assertThat(singleCalls.get()).isEqualTo(3);
  }

  private static MetricEventView view(String period) {
    return new MetricEventView(
        "e1",
        "a1",
        "张家口",
        "130700",
        "air.pm25",
        "PM2.5",
        30.0,
        "μg/m³",
        "30微克/立方米",
        "EXACT",
        period,
        period + "-12-31T00:00:00Z",
        null,
        "…",
        "2025-01-01T00:00:00Z",
        "1",
        "air.pm25",
        null,
        null,
        false,
        null,
        null);
  }
}
