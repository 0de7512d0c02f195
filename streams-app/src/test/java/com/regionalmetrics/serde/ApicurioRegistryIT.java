package com.regionalmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.testsupport.Required;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our REST client and serde against a registry we did not write: Apicurio Registry's distribution
 * (unpacked by the build into target/apicurio), through its Confluent-compatible API. Apicurio
 * needs Java 21+: the {@code java} binary (or a JDK home) named by {@code -Dapicurio.java} or
 * {@code $APICURIO_JAVA}, else the JVM running the test when it is 21+. None found: skipped with
 * the reason, or failed when Apicurio is required ({@code -Dit.required=apicurio} or {@code
 * CI=true}, see {@link Required}).
 */
class ApicurioRegistryIT {

  private static final Duration STARTUP = Duration.ofSeconds(90);

  private static Process process;
  private static Path log;
  private static String ccompatUrl;

  @BeforeAll
  static void startApicurio() throws Exception {
    Path java = apicurioJava();
    int major = java == null ? -1 : javaMajorVersion(java);
    Required.assumeAvailable(
        Required.APICURIO,
        major >= 21,
        "Apicurio Registry needs Java 21+; "
            + (java == null
                ? "none given and the test JVM is Java " + Runtime.version().feature()
                : java + " is " + (major < 0 ? "not a runnable java" : "Java " + major))
            + ". Set -Dapicurio.java or APICURIO_JAVA to a Java 21+ java binary or JDK home (.ci/run finds or installs one).");

    Path home = Path.of(System.getProperty("apicurio.home", "target/apicurio"));
    Path jar = home.resolve("quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      fail(
          "Apicurio distribution missing at "
              + jar
              + ": run through 'mvn verify' (the build unpacks it)");
    }
    int httpPort = freePort();
    int managementPort = freePort();
    log = home.resolve("apicurio-" + httpPort + ".log");
    process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx256m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort,
                "-jar",
                "quarkus-app/quarkus-run.jar")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Process started = process;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(started::destroyForcibly)); // never outlive the test JVM
    ccompatUrl = "http://127.0.0.1:" + httpPort + "/apis/ccompat/v7";
    waitUntilReady(ccompatUrl + "/subjects");
  }

  @AfterAll
  static void stopApicurio() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * -Dapicurio.java, else $APICURIO_JAVA (a java binary or a JDK home), else this JVM's own java
   * when it is 21+.
   */
  private static Path apicurioJava() {
    String given = System.getProperty("apicurio.java");
    if (given == null || given.isBlank()) given = System.getenv("APICURIO_JAVA");
    if (given != null && !given.isBlank()) {
      Path p = Path.of(given);
      return Files.isDirectory(p) ? p.resolve("bin/java") : p;
    }
    return Runtime.version().feature() >= 21
        ? Path.of(System.getProperty("java.home"), "bin", "java")
        : null;
  }

  private static int javaMajorVersion(Path java) {
    if (!Files.isExecutable(java)) return -1;
    try {
      Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      Matcher m = Pattern.compile("version \"(?:1\\.)?(\\d+)").matcher(out);
      return m.find() ? Integer.parseInt(m.group(1)) : -1;
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void waitUntilReady(String url) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("Apicurio exited with " + process.exitValue() + ":\n" + tail(log));
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) return;
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    fail(
        "Apicurio did not answer 200 on "
            + url
            + " within "
            + STARTUP.toSeconds()
            + " s:\n"
            + tail(log));
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void restClientHonoursTheConfluentContract() {
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(ccompatUrl);
    assertThat(RegistryContract.check(client, unique("contract"))).isEqualTo("ok");
  }

  @Test
  void serdeRoundTripsAMetricEventThroughApicurio() {
    String topic = unique("metric-events");
    Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, ccompatUrl);
    SpecificAvroSerde<MetricEvent> producer = new SpecificAvroSerde<>();
    producer.configure(config, false);
    MetricEvent event = AvroTestData.metricEvent("apicurio-1", 2.66);
    byte[] bytes = producer.serializer().serialize(topic, event);

    RestSchemaRegistryClient client = new RestSchemaRegistryClient(ccompatUrl);
    int id = client.lookupId(topic + "-value", MetricEvent.getClassSchema());
    assertThat(bytes[0]).isZero();
    assertThat(WireFormat.readSchemaId(bytes)).isEqualTo(id);
    assertThat(client.getById(id)).isEqualTo(MetricEvent.getClassSchema());

    // a fresh serde has no cache: it must fetch the writer schema from Apicurio by id
    SpecificAvroSerde<MetricEvent> consumer = new SpecificAvroSerde<>();
    consumer.configure(config, false);
    assertThat(consumer.deserializer().deserialize(topic, bytes)).isEqualTo(event);
  }

  @Test
  void topicRecordNameStrategyRegistersUnderTopicAndRecordName() {
    String topic = unique("metric-events");
    Map<String, Object> config =
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            ccompatUrl,
            AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
            "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
    SpecificAvroSerde<MetricEvent> producer = new SpecificAvroSerde<>();
    producer.configure(config, false);
    MetricEvent event = AvroTestData.metricEvent("apicurio-strategy-1", 2.66);
    byte[] bytes = producer.serializer().serialize(topic, event);

    RestSchemaRegistryClient client = new RestSchemaRegistryClient(ccompatUrl);
    String subject = topic + "-com.regionalmetrics.avro.MetricEvent";
    assertThat(client.subjects()).contains(subject).doesNotContain(topic + "-value");
    assertThat(WireFormat.readSchemaId(bytes))
        .isEqualTo(client.lookupId(subject, MetricEvent.getClassSchema()));
    SpecificAvroSerde<MetricEvent> consumer = new SpecificAvroSerde<>();
    consumer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, ccompatUrl), false);
    assertThat(consumer.deserializer().deserialize(topic, bytes)).isEqualTo(event);
  }
}
