package com.regionalmetrics.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * Confluent Schema Registry REST API v1 over {@link HttpClient}. Works against Confluent's
 * registry, Apicurio's ccompat API (a base URL with a path, e.g. .../apis/ccompat/v7) and our
 * {@link SchemaRegistryServer}. Fails over across the URL list on connection errors and 5xx
 * answers, sticking to the URL that last worked. Not cached: wrap in {@link
 * CachingSchemaRegistryClient}.
 */
public class RestSchemaRegistryClient implements SchemaRegistryClient {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> baseUrls;
  private final String authorization; // null when no basic auth
  private final HttpClient http;
  private final Duration requestTimeout;
  private final AtomicInteger current = new AtomicInteger();

  /**
   * @param userInfo "user:password" for basic auth, or null (credentials in a URL's userinfo are
   *     used then)
   */
  public RestSchemaRegistryClient(
      List<String> urls, String userInfo, Duration connectTimeout, Duration requestTimeout) {
    if (urls.isEmpty()) throw new IllegalArgumentException("no schema registry URL");
    List<URI> bases = new ArrayList<>();
    String urlUserInfo = null;
    for (String url : urls) {
      URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (uri.getRawUserInfo() != null && urlUserInfo == null) {
        urlUserInfo = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
      }
      bases.add(stripUserInfo(uri));
    }
    this.baseUrls = List.copyOf(bases);
    String credentials = userInfo != null ? userInfo : urlUserInfo;
    this.authorization =
        credentials == null
            ? null
            : "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
    if (PlainHttpTls.allPlain(bases.stream().map(URI::toString).toList())) {
      builder.sslContext(PlainHttpTls.context()); // not the default one: it costs start-up time
    }
    this.http = builder.build();
    this.requestTimeout = requestTimeout;
  }

  public RestSchemaRegistryClient(String url) {
    this(List.of(url), null, Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  static RestSchemaRegistryClient fromConfig(AvroSerdeConfig config) {
    String userInfo = null;
    switch (config.credentialsSource()) {
      case USER_INFO -> {
        userInfo = config.userInfo();
        if (userInfo == null || !userInfo.contains(":")) {
          throw new ConfigException(
              AvroSerdeConfig.BASIC_AUTH_USER_INFO,
              "(hidden)",
              "USER_INFO credentials need basic.auth.user.info=user:password");
        }
      }
      case URL, NONE -> {
        /* URL: userinfo of the URL, picked up by the constructor */
      }
    }
    for (String url : config.urls()) {
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw new ConfigException(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, url, "expected http(s):// or mock:// URLs");
      }
    }
    List<String> urls = config.urls();
    if (config.credentialsSource() == AvroSerdeConfig.CredentialsSource.NONE) {
      urls = urls.stream().map(u -> stripUserInfo(URI.create(u)).toString()).toList();
    }
    return new RestSchemaRegistryClient(
        urls,
        userInfo,
        Duration.ofMillis(config.connectTimeoutMs()),
        Duration.ofMillis(config.readTimeoutMs()));
  }

  private static URI stripUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) return uri;
    return URI.create(uri.toString().replace(uri.getRawUserInfo() + "@", ""));
  }

  public List<URI> baseUrls() {
    return baseUrls;
  }

  @Override
  public int register(String subject, Schema schema) {
    return post("/subjects/" + enc(subject) + "/versions", schemaBody(schema)).path("id").asInt();
  }

  @Override
  public int lookupId(String subject, Schema schema) {
    return post("/subjects/" + enc(subject), schemaBody(schema)).path("id").asInt();
  }

  @Override
  public Schema getById(int id) {
    return parse(send("GET", "/schemas/ids/" + id, null).path("schema").asText());
  }

  @Override
  public List<String> subjects() {
    List<String> out = new ArrayList<>();
    send("GET", "/subjects", null).forEach(n -> out.add(n.asText()));
    return out;
  }

  @Override
  public List<Integer> versions(String subject) {
    List<Integer> out = new ArrayList<>();
    send("GET", "/subjects/" + enc(subject) + "/versions", null).forEach(n -> out.add(n.asInt()));
    return out;
  }

  @Override
  public SchemaVersion version(String subject, int version) {
    return toVersion(send("GET", "/subjects/" + enc(subject) + "/versions/" + version, null));
  }

  @Override
  public SchemaVersion latest(String subject) {
    return toVersion(send("GET", "/subjects/" + enc(subject) + "/versions/latest", null));
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    return post("/compatibility/subjects/" + enc(subject) + "/versions/latest", schemaBody(schema))
        .path("is_compatible")
        .asBoolean();
  }

  @Override
  public CompatibilityLevel compatibility() {
    return CompatibilityLevel.parse(
        send("GET", "/config", null).path("compatibilityLevel").asText());
  }

  @Override
  public void setCompatibility(CompatibilityLevel level) {
    send("PUT", "/config", JSON.createObjectNode().put("compatibility", level.name()).toString());
  }

  @Override
  public CompatibilityLevel compatibility(String subject) {
    try {
      return CompatibilityLevel.parse(
          send("GET", "/config/" + enc(subject), null).path("compatibilityLevel").asText());
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) return compatibility(); // no subject-level config: the global one applies
      throw e;
    }
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    send(
        "PUT",
        "/config/" + enc(subject),
        JSON.createObjectNode().put("compatibility", level.name()).toString());
  }

  private SchemaVersion toVersion(JsonNode n) {
    return new SchemaVersion(
        n.path("subject").asText(),
        n.path("version").asInt(),
        n.path("id").asInt(),
        parse(n.path("schema").asText()));
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }

  private static String enc(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode post(String path, String body) {
    return send("POST", path, body);
  }

  /** Sends to the current URL, failing over to the next on I/O errors and 5xx. */
  private JsonNode send(String method, String path, String body) {
    List<String> failures = new ArrayList<>();
    int start = current.get();
    int lastStatus = 0;
    Exception lastError = null;
    for (int i = 0; i < baseUrls.size(); i++) {
      int index = (start + i) % baseUrls.size();
      URI uri = URI.create(baseUrls.get(index) + path);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(requestTimeout)
              .header("Accept", ACCEPT)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (body != null) request.header("Content-Type", CONTENT_TYPE);
      if (authorization != null) request.header("Authorization", authorization);
      HttpResponse<String> response;
      try {
        response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        failures.add(uri + ": " + e);
        lastError = e;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryUnavailableException(0, "Interrupted calling " + uri, e);
      }
      int status = response.statusCode();
      if (status >= 500) {
        failures.add(uri + ": HTTP " + status);
        lastStatus = status;
        continue;
      }
      current.set(index);
      if (status >= 200 && status < 300) {
        return readJson(response.body(), uri);
      }
      throw error(status, response.body(), method, uri);
    }
    throw new SchemaRegistryUnavailableException(
        lastStatus,
        "No schema registry answered " + method + " " + path + ": " + String.join("; ", failures),
        lastError);
  }

  private static JsonNode readJson(String body, URI uri) {
    try {
      return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
    } catch (IOException e) {
      throw new SchemaRegistryException(
          200, 50005, "Unreadable answer from " + uri + ": " + e.getMessage(), e);
    }
  }

  private static SchemaRegistryException error(int status, String body, String method, URI uri) {
    int code = status;
    String message = body;
    try {
      JsonNode n = JSON.readTree(body);
      if (n != null && n.has("error_code")) {
        code = n.path("error_code").asInt(status);
        message = n.path("message").asText(body);
      }
    } catch (IOException | RuntimeException ignored) {
      // not JSON (e.g. a proxy's HTML page): keep the raw body
    }
    if (message != null && message.length() > 500) message = message.substring(0, 500) + "...";
    return new SchemaRegistryException(status, code, method + " " + uri + " failed: " + message);
  }

  @Override
  public String toString() {
    return "RestSchemaRegistryClient" + baseUrls;
  }

  /** For diagnostics: which URL a client would try first. */
  URI currentUrl() {
    return baseUrls.get(current.get());
  }
}
