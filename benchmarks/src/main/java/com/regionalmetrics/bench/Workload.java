package com.regionalmetrics.bench;

import com.regionalmetrics.topology.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Generated articles as records for articles-text: UTF-8 text, key = article id, "published"
 * header.
 */
final class Workload {
  private final List<ArticleGenerator.GeneratedArticle> articles;
  private final List<byte[]> texts;

  private Workload(List<ArticleGenerator.GeneratedArticle> articles) {
    this.articles = articles;
    this.texts = articles.stream().map(a -> a.text().getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** Articles number {@code from} to {@code from + n - 1} of the generator with this seed. */
  static Workload generate(long seed, int from, int n) {
    ArticleGenerator generator = new ArticleGenerator(seed);
    List<ArticleGenerator.GeneratedArticle> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(generator.next(from + i));
    }
    return new Workload(list);
  }

  int size() {
    return articles.size();
  }

  String id(int i) {
    return articles.get(i).id();
  }

  String text(int i) {
    return articles.get(i).text();
  }

  String published(int i) {
    return articles.get(i).published().toString();
  }

  long bytes() {
    return texts.stream().mapToLong(t -> t.length).sum();
  }

  long chars() {
    return articles.stream().mapToLong(a -> a.text().length()).sum();
  }

  ProducerRecord<byte[], byte[]> record(int i) {
    ProducerRecord<byte[], byte[]> r =
        new ProducerRecord<>(
            Topics.ARTICLES_TEXT, id(i).getBytes(StandardCharsets.UTF_8), texts.get(i));
    r.headers().add("published", published(i).getBytes(StandardCharsets.UTF_8));
    return r;
  }
}
