package com.regionalmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.regionalmetrics.avro.MetricEvent;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A registry that fails the way real ones do behind a load balancer: 5xx pages, hangs. Each must
 * surface as "unavailable" (retried by the app, never dead-lettered), and only a real "not found"
 * as bad input.
 */
class RegistryFailuresTest {
  private HttpServer faulty;
  private SchemaRegistryServer real;
  private final AtomicInteger calls = new AtomicInteger();

  @AfterEach
  void stop() {
    if (faulty != null) faulty.stop(0);
    if (real != null) real.close();
  }

  /** A server that answers every request with this status and body after a delay. */
  private String faulty(int status, String body, Duration delay) throws Exception {
    faulty = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    faulty.createContext(
        "/",
        exchange -> {
          calls.incrementAndGet();
          try {
            Thread.sleep(delay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    faulty.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    faulty.start();
    return "http://127.0.0.1:" + faulty.getAddress().getPort();
  }

  private static RestSchemaRegistryClient client(Duration requestTimeout, String... urls) {
    return new RestSchemaRegistryClient(List.of(urls), null, Duration.ofSeconds(2), requestTimeout);
  }

  @Test
  void a5xxPageIsUnavailableWithTheStatus() throws Exception {
    String url = faulty(503, "<html>upstream overloaded</html>", Duration.ZERO);
    assertThatThrownBy(() -> client(Duration.ofSeconds(5), url).getById(1))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("HTTP 503");
    assertThat(calls).hasValue(1);
  }

  @Test
  void aHangingRegistryTimesOutAtTheRequestTimeout() throws Exception {
    String url = faulty(200, "{}", Duration.ofSeconds(10));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> client(Duration.ofMillis(500), url).getById(1))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("HttpTimeoutException");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void a5xxFailsOverToTheNextRegistryAndStaysThere() throws Exception {
    String bad = faulty(500, "{\"error_code\":50001,\"message\":\"store error\"}", Duration.ZERO);
    real = new SchemaRegistryServer(new InMemorySchemaRegistry()).start("127.0.0.1", 0);
    RestSchemaRegistryClient c = client(Duration.ofSeconds(5), bad, real.url());
    int id = c.register("metric-events-value", MetricEvent.getClassSchema());
    assertThat(c.getById(id)).isEqualTo(MetricEvent.getClassSchema());
    assertThat(c.currentUrl().toString()).isEqualTo(real.url());
    assertThat(calls).as("the failed registry is not asked again").hasValue(1);
  }

  @Test
  void theDeserializerCallsAnOutageUnavailableAndAMissingIdUnknown() throws Exception {
    InMemorySchemaRegistry schemas = new InMemorySchemaRegistry();
    KafkaAvroSerializer writer = new KafkaAvroSerializer(schemas);
    writer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "unused"), false);
    byte[] bytes = writer.serialize("metric-events", AvroTestData.metricEvent("r-1", 1.0));

    String down = faulty(502, "bad gateway", Duration.ZERO);
    KafkaAvroDeserializer outage = new KafkaAvroDeserializer();
    outage.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, down), false);
    assertThatThrownBy(() -> outage.deserialize("metric-events", bytes))
        .isInstanceOfSatisfying(
            AvroWireFormatException.class,
            e ->
                assertThat(e.reasonEnum())
                    .isEqualTo(AvroWireFormatException.Reason.REGISTRY_UNAVAILABLE));

    real = new SchemaRegistryServer(new InMemorySchemaRegistry()).start("127.0.0.1", 0);
    KafkaAvroDeserializer empty = new KafkaAvroDeserializer();
    empty.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, real.url()), false);
    assertThatThrownBy(() -> empty.deserialize("metric-events", bytes))
        .isInstanceOfSatisfying(
            AvroWireFormatException.class,
            e ->
                assertThat(e.reasonEnum())
                    .isEqualTo(AvroWireFormatException.Reason.UNKNOWN_SCHEMA_ID));
  }
}
