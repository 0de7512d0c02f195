package com.regionalmetrics.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard and WebJars over a real Javalin server: types, caching, 304s, no escapes. */
class ClasspathAssetsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Javalin server;
  private static String base;

  @BeforeAll
  static void start() {
    server =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.resourceHandler(new ClasspathAssets());
                  config.routes.get("/health", ctx -> ctx.result("ok"));
                })
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  /** Jetty writes "text/html;charset=utf-8" for what was set as "text/html; charset=utf-8". */
  private static String type(HttpResponse<?> response) {
    return header(response, "Content-Type").replace(" ", "");
  }

  @Test
  void theDashboardPageAndItsFilesWithTheirTypes() throws Exception {
    HttpResponse<byte[]> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(type(page)).isEqualTo("text/html;charset=utf-8");
    assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("/webjars/uplot/");
    assertThat(get("/index.html").body()).isEqualTo(page.body());
    assertThat(type(get("/app.css"))).isEqualTo("text/css;charset=utf-8");
    HttpResponse<byte[]> js = get("/js/app.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(type(js)).isEqualTo("text/javascript;charset=utf-8");
    assertThat(header(js, "Cache-Control")).isEqualTo("no-cache");
    // routes are not shadowed
    assertThat(new String(get("/health").body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("ok");
  }

  @Test
  void anUnchangedFileIsA304AndAChangedOneIsSentAgain() throws Exception {
    HttpResponse<byte[]> first = get("/js/app.js");
    String etag = header(first, "ETag");
    assertThat(etag).matches("\"[0-9a-f]+-\\d+\"");
    HttpResponse<byte[]> again = get("/js/app.js", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(get("/js/app.js", "If-None-Match", "W/" + etag).statusCode()).isEqualTo(304);
    HttpResponse<byte[]> stale = get("/js/app.js", "If-None-Match", "\"0-1\"");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(first.body());
  }

  @Test
  void webJarFilesAreVersionedAndCachedForAYear() throws Exception {
    String page = new String(get("/").body(), java.nio.charset.StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("src=\"(/webjars/uplot/[^\"]+\\.js)\"").matcher(page);
    assertThat(m.find()).as("the page names uPlot's script").isTrue();
    HttpResponse<byte[]> script = get(m.group(1));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body().length).isGreaterThan(10_000);
    assertThat(type(script)).isEqualTo("text/javascript;charset=utf-8");
    assertThat(header(script, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    String dir = m.group(1).substring(0, m.group(1).indexOf("/dist/"));
    assertThat(get(dir).statusCode()).as("a directory is no file").isEqualTo(404);
    assertThat(get(dir + "/").statusCode()).isEqualTo(404);
  }

  @Test
  void nothingOutsideTheDashboardAndTheWebJarsIsServed() throws Exception {
    for (String path :
        new String[] {
          "/nope.js",
          "/logback.xml",
          "/../logback.xml",
          "/js/../../logback.xml",
          "/%2e%2e/logback.xml",
          "/webjars/../../logback.xml",
          "/com/regionalmetrics/http/ApiServer.class",
          "/js",
          "/js/"
        }) {
      // Jetty itself refuses some (400); nothing reaches a file outside the two roots
      assertThat(get(path).statusCode()).as(path).isIn(400, 404);
    }
  }

  @Test
  void requestPathsMapToResourceNames() {
    assertThat(ClasspathAssets.resourceName("/")).isEqualTo("web/index.html");
    assertThat(ClasspathAssets.resourceName("/js/app.js")).isEqualTo("web/js/app.js");
    assertThat(ClasspathAssets.resourceName("/webjars/uplot/1.0/dist/u.js"))
        .isEqualTo("META-INF/resources/webjars/uplot/1.0/dist/u.js");
    assertThat(ClasspathAssets.resourceName("/a//b.js")).isNull();
    assertThat(ClasspathAssets.resourceName("/a/./b.js")).isNull();
    assertThat(ClasspathAssets.resourceName("/a/../b.js")).isNull();
    assertThat(ClasspathAssets.resourceName("/a%2Fb.js")).isNull();
    assertThat(ClasspathAssets.matches("\"x\", \"y\"", "\"y\"")).isTrue();
    assertThat(ClasspathAssets.matches("*", "\"y\"")).isTrue();
    assertThat(ClasspathAssets.matches(null, "\"y\"")).isFalse();
  }
}
