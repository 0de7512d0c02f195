package com.regionalmetrics.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hand-written OpenAPI description (resource {@code openapi/openapi.json}) as a contract: a
 * real response is checked against the schema the description gives for its path, method, status
 * and content type (JSON Schema 2020-12, as OpenAPI 3.1 uses), and every operation checked is
 * remembered, so a test can say which operations it never saw.
 */
public final class OpenApiContract {
  private static final String SPEC_URI = "https://regional-metrics.invalid/openapi.json";

  private final JsonNode spec;
  private final SchemaRegistry registry;
  private final Set<String> checked = new TreeSet<>();

  public OpenApiContract() {
    String text;
    try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi/openapi.json")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      spec = Http.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(SPEC_URI, text)));
  }

  public JsonNode spec() {
    return spec;
  }

  /**
   * The schema violations of a response to {@code method template} (a path of the description, e.g.
   * {@code /api/v1/indicators/{region}/{indicator}}); an AssertionError when the description has no
   * such response at all.
   */
  public List<String> violations(String method, String template, HttpResponse<String> response) {
    String status = Integer.toString(response.statusCode());
    JsonNode operation = spec.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    if (operation.isMissingNode() && status.equals("405")) {
      // a method the path does not have: the 405 its operations describe
      for (JsonNode op : spec.path("paths").path(template)) {
        if (op.path("responses").has("405")) {
          operation = op;
        }
      }
    }
    if (operation.isMissingNode()) {
      throw new AssertionError("the description has no operation " + method + " " + template);
    }
    JsonNode described = resolve(operation.path("responses").path(status));
    if (described.isMissingNode()) {
      throw new AssertionError(
          "the description of " + method + " " + template + " has no response " + status);
    }
    String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    JsonNode content = described.path("content").path(type);
    if (content.isMissingNode()) {
      throw new AssertionError(
          method + " " + template + " " + status + ": undescribed content type " + type);
    }
    if (!status.equals("405")) {
      checked.add(method.toUpperCase(Locale.ROOT) + " " + template);
    }
    if (!type.equals("application/json")) {
      return List.of();
    }
    // the response's schema with its references made absolute: into the whole description
    JsonNode responseSchema;
    try {
      responseSchema =
          Http.JSON.readTree(
              content
                  .path("schema")
                  .toString()
                  .replace("\"#/components/", "\"" + SPEC_URI + "#/components/"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Schema schema =
        registry.getSchema(
            SchemaLocation.of("https://regional-metrics.invalid/response.json"), responseSchema);
    JsonNode body;
    try {
      body = Http.JSON.readTree(response.body());
    } catch (IOException e) {
      return List.of("not JSON: " + response.body());
    }
    return schema.validate(body).stream().map(Error::toString).toList();
  }

  /** Every operation of the description, as "METHOD path". */
  public Set<String> operations() {
    Set<String> all = new TreeSet<>();
    spec.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m -> all.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    return all;
  }

  /** The operations some response was checked for. */
  public Set<String> checked() {
    return checked;
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode ref = node.path("$ref");
    return ref.isTextual() ? spec.at(ref.asText().substring(1)) : node;
  }
}
