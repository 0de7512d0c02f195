package com.regionalmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingest against an app that goes away part-way (a real HTTP server that stops after two articles):
 * it stops sending, says how far it got, and exits 2 — not one "request failed" per remaining file
 * and exit 1.
 */
class IngestAppGoneTest {
  @TempDir Path dir;

  @Test
  void stopsWithExit2WhenTheAppIsGone() throws Exception {
    for (int i = 0; i < 6; i++) {
      Files.writeString(dir.resolve("a" + i + ".txt"), "2024年保定市PM2.5平均浓度为" + (30 + i) + "微克/立方米。");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger posts = new AtomicInteger();
    server.createContext(
        "/health",
        ex -> {
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    server.createContext(
        "/api/articles",
        ex -> {
          int n = posts.incrementAndGet();
          if (n > 2) {
            ex.close(); // the app died after two articles: the connection ends without an answer
            return;
          }
          byte[] body = ("{\"id\":\"a" + n + "\"}").getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(202, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    String api = "http://127.0.0.1:" + server.getAddress().getPort();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        Main.commandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(
                "ingest",
                dir.toString(),
                "--api",
                api,
                "--published",
                "2025-01-01",
                "--concurrency",
                "1",
                "--progress",
                "none");

    assertThat(exit).as(out + "\n" + err).isEqualTo(2);
    assertThat(posts.get()).as("posts tried").isEqualTo(3);
    assertThat(out.toString()).contains("  accepted  2\n").contains("  rejected  0\n");
    assertThat(err.toString())
        .contains("error: the app at " + api + " stopped answering after 2 of 6 files (")
        .contains("the rest was not sent")
        .doesNotContain("request failed");
    server.stop(0);
  }
}
