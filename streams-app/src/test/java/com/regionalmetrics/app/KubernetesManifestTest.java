package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s as {@code kubectl kustomize} renders it, checked for what a Kafka Streams job on
 * Kubernetes needs: per-pod state volumes and DNS names, static membership by pod name, probes on
 * the endpoints with Kubernetes semantics, a grace period above the close timeout, and memory that
 * leaves room for RocksDB. Skipped, saying why, where kubectl is not installed (.ci/run installs
 * it, and fails on any skipped test).
 */
class KubernetesManifestTest {
  private static final Path KUSTOMIZATION = Path.of("..", "deploy", "k8s");
  private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([mMgG])");

  private static final List<JsonNode> docs = new ArrayList<>();
  private static JsonNode sts;
  private static JsonNode pod;
  private static JsonNode container;
  private static final Map<String, String> env = new HashMap<>();

  @BeforeAll
  static void render() throws Exception {
    String yaml = kustomize();
    try (MappingIterator<JsonNode> it =
        new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        docs.add(it.next());
      }
    }
    sts = only("StatefulSet");
    pod = sts.path("spec").path("template").path("spec");
    assertThat(pod.path("containers")).hasSize(1);
    container = pod.path("containers").get(0);
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
  }

  private static String kustomize() throws IOException, InterruptedException {
    assertThat(KUSTOMIZATION.resolve("kustomization.yaml")).exists();
    Process p;
    try {
      p =
          new ProcessBuilder("kubectl", "kustomize", KUSTOMIZATION.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT) // deprecation notes, not YAML
              .start();
    } catch (IOException e) {
      Assumptions.abort("kubectl is not installed (Debian: kubernetes-client): " + e.getMessage());
      throw e;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("kubectl kustomize: %s", text).isZero();
    return text;
  }

  private static List<JsonNode> ofKind(String kind) {
    return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
  }

  private static JsonNode only(String kind) {
    List<JsonNode> found = ofKind(kind);
    assertThat(found).as(kind).hasSize(1);
    return found.get(0);
  }

  private static Map<String, String> podLabels() {
    Map<String, String> labels = new HashMap<>();
    sts.path("spec")
        .path("template")
        .path("metadata")
        .path("labels")
        .fields()
        .forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
    return labels;
  }

  private static void assertSelects(JsonNode selector, String what) {
    Map<String, String> labels = podLabels();
    assertThat(selector.size()).as(what + " selector").isPositive();
    selector
        .fields()
        .forEachRemaining(
            f ->
                assertThat(labels)
                    .as(what + " selects the pods")
                    .containsEntry(f.getKey(), f.getValue().asText()));
  }

  private static JsonNode headless() {
    List<JsonNode> headless =
        ofKind("Service").stream()
            .filter(s -> s.path("spec").path("clusterIP").asText().equals("None"))
            .toList();
    assertThat(headless).as("one headless Service").hasSize(1);
    return headless.get(0);
  }

  @Test
  void eachPodKeepsItsStateOnItsOwnVolume() {
    JsonNode claims = sts.path("spec").path("volumeClaimTemplates");
    assertThat(claims).hasSize(1);
    String claim = claims.get(0).path("metadata").path("name").asText();
    String dataDir = env.get("RM_DATA_DIR");
    assertThat(dataDir).isNotBlank();
    boolean mounted = false;
    for (JsonNode m : container.path("volumeMounts")) {
      mounted |=
          m.path("name").asText().equals(claim) && m.path("mountPath").asText().equals(dataDir);
    }
    assertThat(mounted).as("the claim %s is mounted at data.dir %s", claim, dataDir).isTrue();
  }

  @Test
  void instancesReachEachOtherByPodNameOnAHeadlessServiceThatPublishesNotReadyPods() {
    JsonNode headless = headless();
    String name = headless.path("metadata").path("name").asText();
    assertThat(headless.path("spec").path("publishNotReadyAddresses").asBoolean()).isTrue();
    assertSelects(headless.path("spec").path("selector"), "headless Service");
    assertThat(sts.path("spec").path("serviceName").asText()).isEqualTo(name);

    assertThat(env.get("RM_APPLICATION_SERVER")).startsWith("$(POD_NAME)." + name + ".");
    assertThat(env.get("RM_APPLICATION_SERVER")).endsWith(":" + env.get("RM_HTTP_PORT"));
    JsonNode podName =
        container.path("env").findParents("name").stream()
            .filter(e -> e.path("name").asText().equals("POD_NAME"))
            .findFirst()
            .orElseThrow();
    assertThat(podName.at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
    assertThat(env.get("RM_HTTP_HOST")).isEqualTo("0.0.0.0");
  }

  @Test
  void clientsGetAServiceOfReadyPods() {
    List<JsonNode> clients =
        ofKind("Service").stream()
            .filter(s -> !s.path("spec").path("clusterIP").asText().equals("None"))
            .toList();
    assertThat(clients).hasSize(1);
    assertThat(clients.get(0).path("spec").path("publishNotReadyAddresses").asBoolean()).isFalse();
    assertSelects(clients.get(0).path("spec").path("selector"), "client Service");
  }

  @Test
  void staticMembershipByPodName() {
    assertThat(env.get("RM_GROUP_INSTANCE_ID")).isEqualTo("$(POD_NAME)");
  }

  @Test
  void noServiceLinksAndAGracePeriodAboveTheCloseTimeout() {
    assertThat(pod.path("enableServiceLinks").isBoolean()).isTrue();
    assertThat(pod.path("enableServiceLinks").asBoolean()).isFalse();
    assertThat(pod.path("terminationGracePeriodSeconds").asLong())
        .isGreaterThanOrEqualTo(RegionalMetricsApp.CLOSE_TIMEOUT.toSeconds() + 15);
  }

  @Test
  void probesUseTheEndpointsWithKubernetesSemantics() {
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/livez");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/livez");
    long startupSeconds =
        container.at("/startupProbe/periodSeconds").asLong()
            * container.at("/startupProbe/failureThreshold").asLong();
    assertThat(startupSeconds).as("time for the JVM to start").isGreaterThanOrEqualTo(60);
  }

  @Test
  void onePodAtATimeMayBeDisrupted() {
    JsonNode pdb = only("PodDisruptionBudget");
    assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    assertSelects(pdb.at("/spec/selector/matchLabels"), "PodDisruptionBudget");
  }

  @Test
  void theSettingsComeFromAConfigMapTheAppAccepts() {
    JsonNode cm = only("ConfigMap");
    String name = cm.at("/metadata/name").asText();
    assertThat(container.findValuesAsText("name")).contains(name);
    Map<String, String> settings = new HashMap<>();
    cm.path("data").fields().forEachRemaining(f -> settings.put(f.getKey(), f.getValue().asText()));
    assertThat(settings.keySet()).allMatch(k -> k.startsWith("RM_"), "RM_ variables");
    settings.putAll(env);
    AppConfig config = AppConfig.load(null, settings, Map.of());
    assertThat(config.embedded()).as("points at a cluster").isFalse();
    assertThat(config.get(AppConfig.SCHEMA_REGISTRY_URL)).isPresent();
  }

  @Test
  void memoryLeavesRoomForRocksDbOffHeapAndAnOutOfMemoryErrorEndsTheProcess() {
    String opts = env.get("JAVA_TOOL_OPTIONS");
    assertThat(opts).contains("-XX:+ExitOnOutOfMemoryError");
    Matcher xmx = XMX.matcher(opts);
    assertThat(xmx.find()).as("an explicit heap: %s", opts).isTrue();
    long heapMb = Long.parseLong(xmx.group(1)) * (xmx.group(2).equalsIgnoreCase("g") ? 1024 : 1);
    String rocksMb =
        only("ConfigMap")
            .at("/data/RM_ROCKSDB_MEMORY_MB")
            .asText(Long.toString(BoundedRocksDbMemory.DEFAULT_MB));
    long limitMb = mebibytes(container.at("/resources/limits/memory").asText());
    long jvmOverheadMb = 256; // metaspace, code cache, thread stacks, direct buffers
    assertThat(heapMb + Long.parseLong(rocksMb) + jvmOverheadMb)
        .as(
            "heap %d + RocksDB %s + JVM %d MiB within the limit %d MiB",
            heapMb, rocksMb, jvmOverheadMb, limitMb)
        .isLessThanOrEqualTo(limitMb);
    assertThat(container.at("/resources/requests/memory").asText())
        .as("requests = limits: no overcommitted memory for a stateful job")
        .isEqualTo(container.at("/resources/limits/memory").asText());
  }

  private static long mebibytes(String quantity) {
    Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
    assertThat(m.matches()).as("memory quantity %s in Mi or Gi", quantity).isTrue();
    return Long.parseLong(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
  }
}
