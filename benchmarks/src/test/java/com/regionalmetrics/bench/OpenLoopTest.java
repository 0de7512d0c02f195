package com.regionalmetrics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator against the JDK's own HTTP server. */
class OpenLoopTest {
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int stallAtRequest = -1;
  private volatile long stallMillis;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/fixed",
        ex -> {
          int n = requests.incrementAndGet();
          if (n == stallAtRequest) {
            sleep(stallMillis);
          }
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("X-Served-By", "127.0.0.1:1234");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/chunked",
        ex -> {
          requests.incrementAndGet();
          ex.sendResponseHeaders(200, 0); // 0: chunked
          try (OutputStream out = ex.getResponseBody()) {
            out.write("part one,".getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.write("part two".repeat(2000).getBytes(StandardCharsets.UTF_8));
          }
        });
    server.createContext(
        "/unavailable",
        ex -> {
          requests.incrementAndGet();
          byte[] body = "{\"error\":\"no\"}".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(503, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void readsFixedLengthAndChunkedResponsesOnOneKeepAliveConnection() throws IOException {
    try (HttpConnection c = new HttpConnection("127.0.0.1", port(), Duration.ofSeconds(10))) {
      for (int i = 0; i < 3; i++) {
        assertThat(c.get("/fixed")).isEqualTo(new HttpConnection.Response(200, "127.0.0.1:1234"));
        assertThat(c.get("/chunked")).isEqualTo(new HttpConnection.Response(200, null));
        assertThat(c.get("/unavailable").status()).isEqualTo(503);
      }
    }
    assertThat(requests).hasValue(9);
  }

  @Test
  void aStalledResponseDelaysTheRequestsDueMeanwhileAndTheyAreMeasuredFromTheirDueTime()
      throws InterruptedException {
    // one connection, 500 req/s: the 10th response takes 300 ms, so the ~150 requests due during
    // the stall queue behind it. A closed-loop client would record one slow request and send the
    // others late; here each latency counts from its due time.
    stallAtRequest = 10;
    stallMillis = 300;
    OpenLoop load = new OpenLoop("127.0.0.1", port(), 1, Duration.ofSeconds(10));

    OpenLoop.Result r = load.run(List.of("/fixed"), 500, Duration.ofSeconds(1));

    assertThat(r.ok()).isEqualTo(500);
    assertThat(r.errors()).isZero();
    assertThat(r.servedByCount("127.0.0.1:1234")).isEqualTo(500);
    assertThat(r.latencyMicros().getTotalCount()).isEqualTo(500);
    // the requests due in the first half of the stall waited at least the second half
    long slow = r.latencyMicros().getCountBetweenValues(150_000, Long.MAX_VALUE / 4);
    assertThat(slow).isGreaterThanOrEqualTo(70);
    assertThat(r.maxMs()).isGreaterThanOrEqualTo(300);
    assertThat(r.lateSends()).isGreaterThanOrEqualTo(140);
  }

  @Test
  void countsErrorResponsesApartFromTheLatencies() throws InterruptedException {
    OpenLoop load = new OpenLoop("127.0.0.1", port(), 4, Duration.ofSeconds(10));

    OpenLoop.Result r = load.run(List.of("/fixed", "/unavailable"), 200, Duration.ofSeconds(1));

    assertThat(r.requests()).isEqualTo(200);
    assertThat(r.ok()).isEqualTo(100);
    assertThat(r.errors()).isEqualTo(100);
    assertThat(r.latencyMicros().getTotalCount()).isEqualTo(100);
    assertThat(r.firstError()).contains("HTTP 503");
  }

  @Test
  void aRefusedConnectionIsAnErrorNotAHang() throws InterruptedException {
    int port = port();
    server.stop(0);
    OpenLoop load = new OpenLoop("127.0.0.1", port, 2, Duration.ofSeconds(2));

    OpenLoop.Result r = load.run(List.of("/fixed"), 100, Duration.ofMillis(200));

    assertThat(r.ok()).isZero();
    assertThat(r.errors()).isEqualTo(20);
    assertThat(r.firstError()).contains("Connect");
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
