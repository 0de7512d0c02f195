package com.regionalmetrics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.article.PublishedDates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds article files and reads them with their metadata.
 *
 * <p>Files: each FILE argument as given (any extension); each DIR walked recursively for the given
 * extensions (default {@code txt,md}), hidden files and folders skipped, in path order.
 *
 * <p>Metadata: a sidecar next to the article, {@code NAME.meta.json} (for {@code NAME.txt}) or
 * {@code NAME.txt.meta.json}, with any of {@code published, id, url, source, title, region}; what
 * it leaves out comes from the command's flags.
 */
final class ArticleFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Metadata of one article; null fields are unknown. */
  record Meta(String published, String id, String url, String source, String title, String region) {
    static final Meta NONE = new Meta(null, null, null, null, null, null);

    /** This, with the other's values where this has none. */
    Meta orElse(Meta other) {
      return new Meta(
          first(published, other.published),
          first(id, other.id),
          first(url, other.url),
          first(source, other.source),
          first(title, other.title),
          first(region, other.region));
    }

    private static String first(String a, String b) {
      return a != null && !a.isBlank() ? a : b;
    }
  }

  /** An article ready to post, or the reason it cannot be. */
  record Article(Path file, String text, Meta meta, String rejection) {}

  private ArticleFiles() {}

  static List<Path> find(List<Path> args, Set<String> extensions) throws IOException {
    Set<Path> files = new LinkedHashSet<>();
    for (Path arg : args) {
      if (Files.isDirectory(arg)) {
        try (Stream<Path> walk = Files.walk(arg)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !hidden(arg.relativize(p)))
              .filter(p -> extensions.contains(extension(p)))
              .filter(p -> !p.getFileName().toString().endsWith(".meta.json"))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(arg)) {
        files.add(arg);
      } else {
        throw new NoSuchFileException(arg.toString(), null, "no such file or directory");
      }
    }
    return new ArrayList<>(files);
  }

  /** Reads the text (strict UTF-8) and the sidecar; problems become the rejection. */
  static Article read(Path file, Meta defaults) {
    Meta meta;
    try {
      meta = sidecar(file).orElse(defaults);
      if (meta.published() != null) {
        PublishedDates.parse(meta.published());
      }
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return new Article(file, null, defaults, e.getMessage());
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new Article(file, null, meta, "cannot read: " + e.getMessage());
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return new Article(file, null, meta, "not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      return new Article(file, null, meta, "empty file");
    }
    return new Article(file, text, meta, null);
  }

  static Meta sidecar(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    List<Path> candidates = new ArrayList<>();
    if (dot > 0) {
      candidates.add(file.resolveSibling(name.substring(0, dot) + ".meta.json"));
    }
    candidates.add(file.resolveSibling(name + ".meta.json"));
    for (Path sidecar : candidates) {
      if (Files.isRegularFile(sidecar)) {
        JsonNode node;
        try {
          node = JSON.readTree(Files.readString(sidecar, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new IllegalArgumentException("bad sidecar " + sidecar.getFileName() + ": not JSON");
        }
        if (node == null || !node.isObject()) {
          throw new IllegalArgumentException(
              "bad sidecar " + sidecar.getFileName() + ": not a JSON object");
        }
        return new Meta(
            text(node, "published"),
            text(node, "id"),
            text(node, "url"),
            text(node, "source"),
            text(node, "title"),
            text(node, "region"));
      }
    }
    return Meta.NONE;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  static String extension(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
