package com.regionalmetrics.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Posts article files to a running app's POST /api/articles. */
final class ArticlePoster {
  private final String api;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ArticlePoster(String api) {
    this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
  }

  /** Returns the number of files that could not be ingested. */
  int postAll(List<Path> files, String published, String id, PrintStream out) throws InterruptedException {
    int failed = 0;
    for (Path file : files) {
      try {
        String articleId = id != null && files.size() == 1 ? id : null;
        HttpResponse<String> r = post(file, published, articleId);
        if (r.statusCode() / 100 == 2) {
          out.println("ingested " + file + " -> " + r.body());
        } else {
          failed++;
          out.println("rejected " + file + ": HTTP " + r.statusCode() + " " + r.body());
        }
      } catch (IOException e) {
        failed++;
        out.println("failed " + file + ": " + e.getMessage());
      }
    }
    return failed;
  }

  private HttpResponse<String> post(Path file, String published, String id) throws IOException, InterruptedException {
    StringBuilder query = new StringBuilder("?source=").append(enc(file.getFileName().toString()));
    if (published != null) {
      query.append("&published=").append(enc(published));
    }
    if (id != null) {
      query.append("&id=").append(enc(id));
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/articles" + query))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "text/plain; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file)))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
