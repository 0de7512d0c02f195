import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.avro.Article;
import com.regionalmetrics.bench.ArticleGenerator;
import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.Observation;
import com.regionalmetrics.query.MetricEventView;
import com.regionalmetrics.article.MetricEventFactory;
import com.regionalmetrics.article.PublishedDates;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The extractor's output over fixed inputs, as sorted lines, so that {@code diff -r before/ after/}
 * proves a refactoring kept it. Run by tools/extract-snapshot.sh (see there). For every set it writes
 * SET.events.jsonl (what {@code regional-metrics extract} prints, with a fixed clock: an article without a
 * publication date is otherwise stamped "now") and SET.observations.txt (the Extractor's observations
 * before the event factory drops pre-1970 or future periods).
 */
public class ExtractSnapshot {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    Extractor extractor = Extractor.createDefault();
    MetricEventFactory events = new MetricEventFactory(Clock.fixed(NOW, ZoneOffset.UTC));
    for (int i = 1; i + 1 < args.length; i += 2) {
      String set = args[i];
      Path dir = Path.of(args[i + 1]);
      List<String[]> articles = new ArrayList<>(); // id, published, text
      if (set.equals("generated")) {
        ArticleGenerator gen = new ArticleGenerator(Long.parseLong(args[i + 1]));
        for (ArticleGenerator.GeneratedArticle a : gen.generate(300)) {
          articles.add(new String[] {a.id(), a.published().toString(), a.text()});
        }
      } else {
        Path texts = Files.isDirectory(dir.resolve("articles")) ? dir.resolve("articles") : dir;
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
          for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank()) {
              continue;
            }
            JsonNode n = JSON.readTree(line);
            String id = n.get("article").asText();
            JsonNode p = n.get("published");
            Path file = texts.resolve(id + ".txt");
            if (!Files.exists(file)) {
              System.err.println(set + ": no text for " + id);
              continue;
            }
            articles.add(new String[] {id, p == null || p.isNull() ? null : p.asText(), Files.readString(file, StandardCharsets.UTF_8)});
          }
        }
      }
      List<String> eventLines = new ArrayList<>();
      List<String> obsLines = new ArrayList<>();
      for (String[] a : articles) {
        // as ExtractCommand builds it
        Article article = Article.newBuilder().setId(a[0]).setText(a[2]).setPublishedAt(PublishedDates.parse(a[1]))
            .setSource(a[0] + ".txt").setRegionHint(null).build();
        List<Observation> obs;
        try {
          obs = extractor.extract(article);
        } catch (RuntimeException | StackOverflowError e) {
          obsLines.add(a[0] + "\tFAILED " + e);
          continue;
        }
        for (Observation o : obs) {
          obsLines.add(a[0] + "\t" + o);
          var event = events.create(article, o, NOW);
          if (event.isPresent()) {
            eventLines.add(JSON.writeValueAsString(MetricEventView.of(event.get())));
          }
        }
      }
      java.util.Collections.sort(eventLines);
      java.util.Collections.sort(obsLines);
      Files.write(out.resolve(set + ".events.jsonl"), eventLines, StandardCharsets.UTF_8);
      Files.write(out.resolve(set + ".observations.txt"), obsLines, StandardCharsets.UTF_8);
      System.err.printf("%s: %d articles, %d observations, %d events%n", set, articles.size(), obsLines.size(), eventLines.size());
    }
  }
}
