package com.regionalmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.avro.MetricEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our REST client against our registry server, over real HTTP on loopback. */
class RestSchemaRegistryClientTest {

  private SchemaRegistryServer server;

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private SchemaRegistryServer start(String basicAuth) throws Exception {
    server =
        new SchemaRegistryServer(new InMemorySchemaRegistry(), basicAuth).start("127.0.0.1", 0);
    return server;
  }

  private static RestSchemaRegistryClient client(String... urls) {
    return new RestSchemaRegistryClient(
        List.of(urls), null, Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  @Test
  void confluentApiSubsetOverHttp() throws Exception {
    start(null);
    RestSchemaRegistryClient c = client(server.url());
    assertThat(RegistryContract.check(c, "rest-test")).isEqualTo("ok");
    // what the server holds is what the client saw
    assertThat(server.registry().subjects()).contains("rest-test-value");
  }

  @Test
  void configEndpoints() throws Exception {
    start(null);
    RestSchemaRegistryClient c = client(server.url());
    assertThat(c.compatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    c.setCompatibility(CompatibilityLevel.FULL);
    assertThat(c.compatibility()).isEqualTo(CompatibilityLevel.FULL);
    c.register("s-value", InMemorySchemaRegistryTest.V1);
    assertThat(c.compatibility("s-value"))
        .isEqualTo(CompatibilityLevel.FULL); // falls back to global
    c.setCompatibility("s-value", CompatibilityLevel.NONE);
    assertThat(c.compatibility("s-value")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(server.registry().compatibility("s-value")).isEqualTo(CompatibilityLevel.NONE);
  }

  @Test
  void rawHttpAnswersAreConfluentShaped() throws Exception {
    start(null);
    int id = server.registry().register("raw-value", MetricEvent.getClassSchema());
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/schemas/ids/" + id)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.schemaregistry.v1+json");
    JsonNode body = new ObjectMapper().readTree(ok.body());
    assertThat(new org.apache.avro.Schema.Parser().parse(body.get("schema").asText()))
        .isEqualTo(MetricEvent.getClassSchema());

    HttpResponse<String> missing =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/schemas/ids/777")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(new ObjectMapper().readTree(missing.body()).get("error_code").asInt())
        .isEqualTo(40403);

    HttpResponse<String> bad =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/subjects/x/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"{not avro\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(new ObjectMapper().readTree(bad.body()).get("error_code").asInt()).isEqualTo(42201);
  }

  @Test
  void failsOverToTheNextUrlAndReportsWhenNoneAnswers() throws Exception {
    start(null);
    RestSchemaRegistryClient c = client("http://127.0.0.1:1", server.url());
    assertThat(c.register("f-value", InMemorySchemaRegistryTest.V1)).isEqualTo(1);
    assertThat(c.currentUrl().toString()).isEqualTo(server.url());

    RestSchemaRegistryClient dead = client("http://127.0.0.1:1", "http://127.0.0.1:2");
    assertThatThrownBy(dead::subjects)
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("127.0.0.1:1")
        .hasMessageContaining("127.0.0.1:2");
  }

  @Test
  void basicAuthFromUserInfoOrUrl() throws Exception {
    start("alice:s3cret");
    assertThatThrownBy(() -> client(server.url()).subjects())
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(401));

    SchemaRegistryClient withUserInfo =
        SchemaRegistryClients.fromConfig(
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:s3cret"));
    assertThat(withUserInfo).isInstanceOf(CachingSchemaRegistryClient.class);
    assertThat(withUserInfo.register("auth-value", InMemorySchemaRegistryTest.V1)).isEqualTo(1);

    SchemaRegistryClient withUrl =
        SchemaRegistryClients.fromConfig(
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "http://alice:s3cret@127.0.0.1:" + server.port(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                "URL"));
    assertThat(withUrl.subjects()).containsExactly("auth-value");

    SchemaRegistryClient wrong =
        SchemaRegistryClients.fromConfig(
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:wrong"));
    assertThatThrownBy(wrong::subjects)
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(401));
  }

  @Test
  void serdeConfiguredLikeConfluentsRoundTripsThroughTheServer() throws Exception {
    start("app:pw");
    Map<String, Object> config =
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
            AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
            AvroSerdeConfig.BASIC_AUTH_USER_INFO, "app:pw");
    SpecificAvroSerde<MetricEvent> producer = new SpecificAvroSerde<>();
    producer.configure(config, false);
    SpecificAvroSerde<MetricEvent> consumer = new SpecificAvroSerde<>();
    consumer.configure(config, false);
    MetricEvent e = AvroTestData.metricEvent("http-1", 29100.0);
    byte[] bytes = producer.serializer().serialize("metric-events", e);
    assertThat(consumer.deserializer().deserialize("metric-events", bytes)).isEqualTo(e);
    assertThat(WireFormat.readSchemaId(bytes))
        .isEqualTo(server.registry().lookupId("metric-events-value", MetricEvent.getClassSchema()));
  }
}
