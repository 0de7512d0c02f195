package com.regionalmetrics.http;

import io.javalin.http.Context;
import io.javalin.http.staticfiles.ResourceHandler;
import io.javalin.http.staticfiles.StaticFileConfig;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * The dashboard ({@code /web} on the classpath, served at {@code /}) and the WebJars ({@code
 * /webjars/...}), each file read from the classpath on its first request and kept in memory.
 * Javalin's classpath static files instead mount the 94 MB jar as a zip file system when the server
 * starts, on the path to /ready, for files a deployed job may never serve.
 *
 * <p>Caching: dashboard files may change with every build under the same name, so they are
 * revalidated ({@code no-cache} with an ETag, 304 on a match); a WebJar path names its version, so
 * its files are cached for a year.
 */
final class ClasspathAssets implements ResourceHandler {
  private static final String DASHBOARD = "web/";
  private static final String WEBJARS = "/webjars/";
  private static final String WEBJARS_DIR = "META-INF/resources/webjars/";

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff", "font/woff"),
          Map.entry("woff2", "font/woff2"));

  record Asset(byte[] body, String contentType, String etag, String cacheControl) {}

  private final ClassLoader loader = ClasspathAssets.class.getClassLoader();

  /** Files found so far; misses are not kept (any path can be asked for). */
  private final Map<String, Asset> found = new ConcurrentHashMap<>();

  @Override
  public boolean canHandle(Context ctx) {
    return find(ctx.path()).isPresent();
  }

  @Override
  public boolean handle(Context ctx) {
    Optional<Asset> asset = find(ctx.path());
    if (asset.isEmpty()) {
      return false;
    }
    Asset a = asset.get();
    ctx.header("Cache-Control", a.cacheControl()).header("ETag", a.etag());
    if (matches(ctx.header("If-None-Match"), a.etag())) {
      ctx.status(304);
      return true;
    }
    ctx.contentType(a.contentType()).result(a.body());
    return true;
  }

  @Override
  public boolean addStaticFileConfig(StaticFileConfig config) {
    throw new UnsupportedOperationException("the dashboard's files are served by ClasspathAssets");
  }

  @Override
  public Set<RouteRole> resourceRouteRoles(Context ctx) {
    return Set.of();
  }

  /** The file a request path names, if there is one; read on its first request. */
  Optional<Asset> find(String path) {
    String name = resourceName(path);
    if (name == null) {
      return Optional.empty();
    }
    Asset cached = found.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    Asset read = read(name, name.startsWith(WEBJARS_DIR));
    if (read != null) {
      found.putIfAbsent(name, read);
    }
    return Optional.ofNullable(read);
  }

  /** {@code /} → web/index.html, {@code /js/app.js} → web/js/app.js; null: not a file path. */
  static String resourceName(String path) {
    if (path == null || !path.startsWith("/") || path.indexOf('%') >= 0) {
      return null; // percent-encoded names: none of the files has one; no decoding, no tricks
    }
    String rel = path.endsWith("/") ? path.substring(1) + "index.html" : path.substring(1);
    for (String segment : rel.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return null;
      }
    }
    if (rel.indexOf('\\') >= 0 || rel.indexOf(':') >= 0) {
      return null;
    }
    return path.startsWith(WEBJARS)
        ? WEBJARS_DIR + path.substring(WEBJARS.length())
        : DASHBOARD + rel;
  }

  private Asset read(String name, boolean webjar) {
    URL url = loader.getResource(name);
    byte[] body;
    try {
      // a directory (webjars/uplot/1.6.32) has a URL too, but is no file
      if (url == null || isDirectory(url)) {
        return null;
      }
      try (InputStream in = url.openStream()) {
        body = in.readAllBytes();
      }
    } catch (IOException | URISyntaxException e) {
      throw new UncheckedIOException(
          "could not read " + name + " from the classpath", new IOException(e));
    }
    CRC32 crc = new CRC32();
    crc.update(body);
    String etag = "\"" + Long.toHexString(crc.getValue()) + "-" + body.length + "\"";
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return new Asset(
        body,
        TYPES.getOrDefault(ext, "application/octet-stream"),
        etag,
        webjar ? "public, max-age=31536000, immutable" : "no-cache");
  }

  /** In the jar, or in a directory on the classpath (tests, an IDE). */
  private static boolean isDirectory(URL url) throws IOException, URISyntaxException {
    if ("file".equals(url.getProtocol())) {
      return Files.isDirectory(Path.of(url.toURI()));
    }
    if (url.openConnection() instanceof JarURLConnection jar) {
      JarEntry entry = jar.getJarEntry();
      return entry == null || entry.isDirectory();
    }
    return false;
  }

  /** If-None-Match: a list of ETags (weak ones compare equal too) or {@code *}. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || t.equals(etag) || (t.startsWith("W/") && t.substring(2).equals(etag))) {
        return true;
      }
    }
    return false;
  }
}
