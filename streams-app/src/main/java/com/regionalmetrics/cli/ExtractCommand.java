package com.regionalmetrics.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.article.ArticleIds;
import com.regionalmetrics.article.MetricEventFactory;
import com.regionalmetrics.article.PublishedDates;
import com.regionalmetrics.avro.Article;
import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.Observation;
import com.regionalmetrics.query.MetricEventView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints the MetricEvents of article files as JSON lines, without Kafka. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description =
        "Extracts metric events from article files and prints them as JSON lines (no Kafka needed).")
final class ExtractCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Article text files")
  List<Path> files;

  @Option(names = "--published", description = "Publication date, YYYY-MM-DD")
  String published;

  @Option(
      names = "--id",
      description = "Article id (one file only; default: the file name without extension)")
  String id;

  @Option(names = "--region", description = "The region the articles are about, when known")
  String region;

  @Override
  public Integer call() throws Exception {
    Extractor extractor = Extractor.createDefault();
    MetricEventFactory events = new MetricEventFactory(Clock.systemUTC());
    ObjectMapper json = new ObjectMapper();
    java.io.PrintWriter out = spec.commandLine().getOut();
    java.io.PrintWriter err = spec.commandLine().getErr();
    Instant publishedAt = PublishedDates.parse(published);
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (java.nio.charset.CharacterCodingException e) {
        err.println(
            "error: "
                + file
                + " is not UTF-8 text; convert it first, e.g. iconv -f GBK -t UTF-8 "
                + file);
        return 2;
      } catch (java.nio.file.NoSuchFileException e) {
        err.println("error: no such file: " + file);
        return 2;
      }
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1); // a byte-order mark is no part of the article
      }
      String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
      Article article =
          Article.newBuilder()
              .setId(
                  id != null && files.size() == 1
                      ? id
                      : name.isEmpty() ? ArticleIds.fromContent(text) : name)
              .setText(text)
              .setPublishedAt(publishedAt)
              .setSource(file.toString())
              .setRegionHint(region)
              .build();
      for (Observation o : extractor.extract(article)) {
        var event = events.create(article, o, Instant.now());
        if (event.isPresent()) {
          out.println(json.writeValueAsString(MetricEventView.of(event.get())));
        }
      }
    }
    out.flush();
    return 0;
  }
}
