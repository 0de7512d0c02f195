package com.regionalmetrics.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.regionalmetrics.serde.InMemorySchemaRegistry;
import com.regionalmetrics.serde.SchemaRegistryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-config Schema Registry: an in-process registry served over HTTP with the Confluent API,
 * so any Kafka tool can read the topics. Registrations are journaled under the data directory and
 * replayed on start, so schema ids stay valid for the records the embedded broker keeps across
 * restarts.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaRegistryServer server;
  private final String url;

  private EmbeddedSchemaRegistry(SchemaRegistryServer server, String url) {
    this.server = server;
    this.url = url;
  }

  public static EmbeddedSchemaRegistry start(Path dataDir, String host, int port) {
    Path journal = dataDir.toAbsolutePath().resolve("schema-registry").resolve("schemas.jsonl");
    JournaledRegistry registry = new JournaledRegistry(journal);
    SchemaRegistryServer server = new SchemaRegistryServer(registry);
    try {
      server.start(host, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the schema registry on " + host + ":" + port, e);
    }
    String url = "http://" + host + ":" + server.port();
    LOG.info("Embedded Schema Registry on {} (journal {})", url, journal);
    return new EmbeddedSchemaRegistry(server, url);
  }

  public String url() {
    return url;
  }

  @Override
  public void close() {
    server.close();
  }

  /** Appends each new registration to a JSON-lines journal; replays it on construction. */
  static final class JournaledRegistry extends InMemorySchemaRegistry {
    private final Path journal;
    private boolean replaying;

    JournaledRegistry(Path journal) {
      this.journal = journal;
      try {
        Files.createDirectories(journal.getParent());
        if (Files.exists(journal)) {
          replaying = true;
          for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
              continue;
            }
            var node = JSON.readTree(line);
            int id =
                register(
                    node.get("subject").asText(),
                    new Schema.Parser().parse(node.get("schema").asText()));
            if (id != node.get("id").asInt()) {
              throw new IllegalStateException(
                  "schema journal "
                      + journal
                      + " replays id "
                      + id
                      + " for recorded id "
                      + node.get("id").asInt()
                      + "; the journal is damaged");
            }
          }
          replaying = false;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read schema journal " + journal, e);
      }
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
      boolean known = subjects().contains(subject) && isRegistered(subject, schema);
      int id = super.register(subject, schema);
      if (!replaying && !known) {
        ObjectNode line =
            JSON.createObjectNode()
                .put("subject", subject)
                .put("id", id)
                .put("schema", schema.toString());
        try {
          Files.writeString(
              journal,
              line + "\n",
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write schema journal " + journal, e);
        }
      }
      return id;
    }

    private boolean isRegistered(String subject, Schema schema) {
      try {
        lookupId(subject, schema);
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }
  }
}
