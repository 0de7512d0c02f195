package com.regionalmetrics.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Serves an {@link InMemorySchemaRegistry} over HTTP with the subset of Confluent's REST API that
 * serializers, kcat and Confluent's own clients use, so tools outside this app can read our topics.
 * JDK HttpServer: no extra dependency and no clash with the app's Javalin server. Optional basic
 * auth (for tests of the client's auth).
 */
public final class SchemaRegistryServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final InMemorySchemaRegistry registry;
  private final String expectedAuthorization;
  private HttpServer server;
  private ExecutorService executor;

  public SchemaRegistryServer(InMemorySchemaRegistry registry) {
    this(registry, null);
  }

  /**
   * @param basicAuthUserInfo "user:password" that every request must carry, or null for none
   */
  public SchemaRegistryServer(InMemorySchemaRegistry registry, String basicAuthUserInfo) {
    this.registry = registry;
    this.expectedAuthorization =
        basicAuthUserInfo == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8));
  }

  /** Starts listening; port 0 picks a free port (see {@link #port()}). */
  public synchronized SchemaRegistryServer start(String host, int port) throws IOException {
    if (server != null) throw new IllegalStateException("already started");
    server = HttpServer.create(new InetSocketAddress(host, port), 0);
    executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "schema-registry-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  public InMemorySchemaRegistry registry() {
    return registry;
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      int status = 200;
      Object body;
      try {
        if (expectedAuthorization != null
            && !expectedAuthorization.equals(
                exchange.getRequestHeaders().getFirst("Authorization"))) {
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"schema-registry\"");
          throw new SchemaRegistryException(
              401, SchemaRegistryException.UNAUTHORIZED, "Unauthorized");
        }
        body =
            route(
                exchange.getRequestMethod(),
                segments(exchange.getRequestURI().getRawPath()),
                exchange);
      } catch (SchemaRegistryException e) {
        status = e.status();
        body = error(e.errorCode(), e.detail());
      } catch (RuntimeException e) {
        status = 500;
        body = error(50001, "Error in the backend data store: " + e);
      }
      byte[] bytes =
          body instanceof String raw
              ? raw.getBytes(StandardCharsets.UTF_8)
              : JSON.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return out;
  }

  private Object route(String method, List<String> p, HttpExchange ex) throws IOException {
    int n = p.size();
    String head = n == 0 ? "" : p.get(0);
    switch (head) {
      case "" -> {
        return JSON.createObjectNode();
      }
      case "subjects" -> {
        if (n == 1 && method.equals("GET")) return registry.subjects();
        String subject = n > 1 ? p.get(1) : null;
        if (n == 2 && method.equals("POST")) {
          SchemaVersion v = registry.lookupVersion(subject, schemaOf(ex));
          return version(v);
        }
        if (n == 3 && p.get(2).equals("versions")) {
          if (method.equals("GET")) return registry.versions(subject);
          if (method.equals("POST")) {
            return JSON.createObjectNode().put("id", registry.register(subject, schemaOf(ex)));
          }
        }
        if (n >= 4 && p.get(2).equals("versions") && method.equals("GET")) {
          SchemaVersion v = versionOf(subject, p.get(3));
          if (n == 4) return version(v);
          if (n == 5 && p.get(4).equals("schema")) return v.schema().toString();
        }
      }
      case "schemas" -> {
        if (n >= 3 && p.get(1).equals("ids") && method.equals("GET")) {
          int id = intOr404(p.get(2));
          Schema schema = registry.getById(id);
          if (n == 3) return JSON.createObjectNode().put("schema", schema.toString());
          if (n == 4 && p.get(3).equals("schema")) return schema.toString();
        }
      }
      case "config" -> {
        if (n == 1 && method.equals("GET")) {
          return JSON.createObjectNode().put("compatibilityLevel", registry.compatibility().name());
        }
        if (n == 1 && method.equals("PUT")) {
          CompatibilityLevel level = levelOf(ex);
          registry.setCompatibility(level);
          return JSON.createObjectNode().put("compatibility", level.name());
        }
        if (n == 2 && method.equals("GET")) {
          boolean defaultToGlobal =
              String.valueOf(ex.getRequestURI().getQuery()).contains("defaultToGlobal=true");
          CompatibilityLevel level =
              registry
                  .subjectCompatibility(p.get(1))
                  .or(
                      () ->
                          defaultToGlobal
                              ? java.util.Optional.of(registry.compatibility())
                              : java.util.Optional.empty())
                  .orElseThrow(
                      () ->
                          new SchemaRegistryException(
                              404,
                              SchemaRegistryException.SUBJECT_CONFIG_NOT_FOUND,
                              "Subject '"
                                  + p.get(1)
                                  + "' does not have subject-level compatibility configured"));
          return JSON.createObjectNode().put("compatibilityLevel", level.name());
        }
        if (n == 2 && method.equals("PUT")) {
          CompatibilityLevel level = levelOf(ex);
          registry.setCompatibility(p.get(1), level);
          return JSON.createObjectNode().put("compatibility", level.name());
        }
      }
      case "compatibility" -> {
        if (n == 5
            && p.get(1).equals("subjects")
            && p.get(3).equals("versions")
            && method.equals("POST")) {
          versionOf(p.get(2), p.get(4)); // 404s for an unknown subject or version
          return JSON.createObjectNode()
              .put("is_compatible", registry.isCompatible(p.get(2), schemaOf(ex)));
        }
      }
      default -> {}
    }
    throw new SchemaRegistryException(404, 404, "HTTP 404 Not Found");
  }

  private SchemaVersion versionOf(String subject, String version) {
    if (version.equals("latest") || version.equals("-1")) return registry.latest(subject);
    try {
      return registry.version(subject, Integer.parseInt(version));
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(
          422,
          SchemaRegistryException.INVALID_VERSION,
          "The specified version '" + version + "' is not a valid version id");
    }
  }

  private static int intOr404(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw SchemaRegistryException.schemaNotFound("Schema " + s + " not found");
    }
  }

  private static ObjectNode version(SchemaVersion v) {
    return JSON.createObjectNode()
        .put("subject", v.subject())
        .put("version", v.version())
        .put("id", v.id())
        .put("schema", v.schema().toString());
  }

  private static JsonNode readBody(HttpExchange ex) {
    try {
      return JSON.readTree(ex.getRequestBody());
    } catch (IOException e) {
      throw new SchemaRegistryException(400, 400, "Unrecognized request body: " + e.getMessage());
    }
  }

  private static Schema schemaOf(HttpExchange ex) {
    JsonNode body = readBody(ex);
    String type = body == null ? "AVRO" : body.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw new SchemaRegistryException(
          422,
          SchemaRegistryException.INVALID_SCHEMA,
          "Only AVRO schemas are supported, not " + type);
    }
    if (body == null || !body.path("schema").isTextual()) {
      throw new SchemaRegistryException(
          422, SchemaRegistryException.INVALID_SCHEMA, "Missing \"schema\"");
    }
    try {
      return new Schema.Parser().parse(body.path("schema").asText());
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(
          422, SchemaRegistryException.INVALID_SCHEMA, "Invalid schema: " + e.getMessage());
    }
  }

  private static CompatibilityLevel levelOf(HttpExchange ex) {
    JsonNode body = readBody(ex);
    return CompatibilityLevel.parse(body == null ? "" : body.path("compatibility").asText(""));
  }

  private static ObjectNode error(int code, String message) {
    return JSON.createObjectNode().put("error_code", code).put("message", message);
  }
}
