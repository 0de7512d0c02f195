package com.regionalmetrics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * What the pipeline made of the accepted articles, from each one's status ({@code GET
 * /api/articles/{id}}): asked again until every article is processed or dead-lettered, or the time
 * is up. Dead letters are listed by reason with their files.
 */
final class ArticleOutcomes {
  private int processed;
  private long observations;
  private final Map<String, List<Path>> deadLetters = new TreeMap<>();
  private final Map<Path, String> pending;
  private String appGone;
  private double seconds;

  private ArticleOutcomes(Map<Path, String> ids) {
    this.pending = new LinkedHashMap<>(ids);
  }

  static ArticleOutcomes await(
      ApiClient client, Map<Path, String> ids, Duration wait, int concurrency, PrintWriter err)
      throws InterruptedException {
    ArticleOutcomes o = new ArticleOutcomes(ids);
    long started = System.nanoTime();
    long deadline = started + wait.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, 64)));
    try {
      while (!o.pending.isEmpty() && o.appGone == null) {
        Map<Path, Future<JsonNode>> asked = new LinkedHashMap<>();
        o.pending.forEach((file, id) -> asked.put(file, pool.submit(() -> status(client, id))));
        for (var a : asked.entrySet()) {
          try {
            o.record(a.getKey(), a.getValue().get());
          } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
              o.appGone = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            } else {
              err.println("status of " + a.getKey() + ": " + cause.getMessage());
            }
          }
        }
        if (o.pending.isEmpty() || System.nanoTime() > deadline) {
          break;
        }
        Thread.sleep(200);
      }
    } finally {
      pool.shutdownNow();
    }
    o.seconds = (System.nanoTime() - started) / 1e9;
    return o;
  }

  /** The status, or null while the app does not know the article yet (404) or cannot say (5xx). */
  private static JsonNode status(ApiClient client, String id) throws Exception {
    try {
      return client.get("/api/articles/" + ApiClient.enc(id));
    } catch (ApiClient.ApiException e) {
      return null;
    }
  }

  private void record(Path file, JsonNode status) {
    if (status == null) {
      return;
    }
    switch (status.path("status").asText()) {
      case "processed" -> {
        processed++;
        observations += status.path("observations").asLong();
        pending.remove(file);
      }
      case "dead-lettered" -> {
        deadLetters
            .computeIfAbsent(status.path("reason").asText("unknown"), r -> new ArrayList<>())
            .add(file);
        pending.remove(file);
      }
      default -> {}
    }
  }

  String appGone() {
    return appGone;
  }

  boolean allProcessed() {
    return pending.isEmpty() && deadLetters.isEmpty() && appGone == null;
  }

  /** One line: processed (observations), dead letters by reason, what is still pending. */
  String summary() {
    String dead =
        deadLetters.isEmpty()
            ? "no dead letters"
            : "dead-lettered: "
                + deadLetters.entrySet().stream()
                    .map(
                        e ->
                            e.getValue().size()
                                + " "
                                + e.getKey()
                                + " ("
                                + e.getValue().stream()
                                    .limit(3)
                                    .map(Path::toString)
                                    .collect(Collectors.joining(", "))
                                + ")")
                    .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "%d processed (%d observation%s), %s, %s (after %.1f s)",
        processed,
        observations,
        observations == 1 ? "" : "s",
        dead,
        pending.isEmpty() ? "none pending" : pending.size() + " still pending",
        seconds);
  }
}
