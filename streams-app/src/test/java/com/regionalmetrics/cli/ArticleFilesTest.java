package com.regionalmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {
  @TempDir Path dir;

  @Test
  void walksDirectoriesForTheExtensionsSkippingHiddenAndSidecars() throws Exception {
    write("b.txt", "文");
    write("a.md", "文");
    write("sub/c.TXT", "文");
    write("sub/c.meta.json", "{}");
    write("notes.json", "{}");
    write(".hidden/d.txt", "文");
    write(".e.txt", "文");
    Path single = write("other.html", "文");

    List<Path> files = ArticleFiles.find(List.of(dir, single), Set.of("txt", "md"));
    assertThat(files)
        .containsExactly(
            dir.resolve("a.md"), dir.resolve("b.txt"), dir.resolve("sub/c.TXT"), single);
    assertThatThrownBy(() -> ArticleFiles.find(List.of(dir.resolve("missing")), Set.of("txt")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void sidecarMetadataWinsOverFlags() throws Exception {
    Path a = write("a.txt", "\uFEFF承德市……");
    write(
        "a.meta.json",
        "{\"published\":\"2025-03-10\",\"id\":\"chengde-1\",\"url\":\"https://example.org/1\"}");
    Path b = write("b.txt", "张家口市……");
    write("b.txt.meta.json", "{\"region\":\"张家口\"}");
    Path c = write("c.txt", "保定市……");
    var defaults = new ArticleFiles.Meta("2024-01-01", null, null, "flag-source", null, null);

    var ra = ArticleFiles.read(a, defaults);
    assertThat(ra.rejection()).isNull();
    assertThat(ra.text()).isEqualTo("承德市……");
    assertThat(ra.meta())
        .isEqualTo(
            new ArticleFiles.Meta(
                "2025-03-10", "chengde-1", "https://example.org/1", "flag-source", null, null));
    assertThat(ArticleFiles.read(b, defaults).meta().region()).isEqualTo("张家口");
    assertThat(ArticleFiles.read(b, defaults).meta().published()).isEqualTo("2024-01-01");
    assertThat(ArticleFiles.read(c, defaults).meta()).isEqualTo(defaults);
  }

  @Test
  void unreadableInputIsRejectedWithItsReason() throws Exception {
    Files.write(
        dir.resolve("latin1.txt"),
        new byte[] {(byte) 0xB3, (byte) 0xD0, (byte) 0xB5, (byte) 0xC2, (byte) 0xFF});
    Path empty = write("empty.txt", "  \n ");
    Path badSidecar = write("x.txt", "文");
    write("x.meta.json", "[1,2]");
    Path badDate = write("y.txt", "文");
    write("y.meta.json", "{\"published\":\"10/03/2025\"}");
    var none = ArticleFiles.Meta.NONE;

    assertThat(ArticleFiles.read(dir.resolve("latin1.txt"), none).rejection())
        .isEqualTo("not UTF-8 text");
    assertThat(ArticleFiles.read(empty, none).rejection()).isEqualTo("empty file");
    assertThat(ArticleFiles.read(badSidecar, none).rejection())
        .isEqualTo("bad sidecar x.meta.json: not a JSON object");
    assertThat(ArticleFiles.read(badDate, none).rejection())
        .startsWith("published must be YYYY-MM-DD");
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }
}
