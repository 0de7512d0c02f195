package com.regionalmetrics.topology;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.extract.Observation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * articles -> metric-events. Reads the Avro article itself (so unreadable bytes reach the DLQ
 * with their reason instead of stopping the task), skips content it has already extracted, and
 * emits one MetricEvent per observation, keyed "region|indicator" and stamped with the end of
 * the observation period.
 */
final class ExtractProcessor implements Processor<byte[], byte[], Object, Object> {
  static final String EVENTS_SINK = "metric-events-sink";
  private static final Logger LOG = LoggerFactory.getLogger(ExtractProcessor.class);

  private final Deserializer<Article> articles;
  private final Function<Article, List<Observation>> extractor;
  private final MetricEventFactory events;
  private final int maxArticleChars;
  private final PipelineMetrics metrics;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, String> digests;
  private DeadLetters dlq;

  ExtractProcessor(Deserializer<Article> articles, Function<Article, List<Observation>> extractor,
      MetricEventFactory events, int maxArticleChars, PipelineMetrics metrics) {
    this.articles = articles;
    this.metrics = metrics;
    this.extractor = extractor;
    this.events = events;
    this.maxArticleChars = maxArticleChars;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.digests = context.getStateStore(StoreNames.ARTICLE_DIGESTS);
    this.dlq = new DeadLetters(context, metrics);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    if (record.value() == null) {
      dlq.send(record, "null-value", "record has no value");
      return;
    }
    Article article;
    try {
      // read as Object: a serde that picks the class from the writer schema (ours, Confluent's)
      // returns another record type for Avro of another schema; that is incompatible input
      Object value = articles.deserialize(context.recordMetadata().map(m -> m.topic()).orElse(Topics.ARTICLES),
          record.headers(), record.value());
      if (!(value instanceof Article a)) {
        dlq.send(record, "incompatible-schema", "value is "
            + (value == null ? "null" : value.getClass().getSimpleName()) + ", not an Article");
        return;
      }
      article = a;
    } catch (RuntimeException e) {
      String reason = DeadLetterReasons.of(e);
      if (DeadLetterReasons.REGISTRY_UNAVAILABLE.equals(reason)) {
        // an outage, not bad input: fail the task so the record is read again from the last
        // commit (the app replaces the thread) until the registry answers
        LOG.warn("Schema Registry unavailable in task {}; failing it to retry: {}", context.taskId(), e.getMessage());
        throw e;
      }
      dlq.send(record, reason, e.getMessage());
      return;
    }
    metrics.onArticle();
    if (article.getText() == null || article.getText().isBlank()) {
      dlq.send(record, "empty-text", "article " + article.getId() + " has no text");
      return;
    }
    if (article.getPublishedAt() != null && !PublishedDates.isPlausible(article.getPublishedAt(), Instant.now())) {
      dlq.send(record, "bad-published-date", "article " + article.getId() + " claims to be published at "
          + article.getPublishedAt() + " (before 1970 or in the future)");
      return;
    }
    if (article.getText().length() > maxArticleChars) {
      dlq.send(record, "too-large", "article of " + article.getText().length() + " characters exceeds " + maxArticleChars);
      return;
    }
    String digest = ArticleIds.sha256Hex(article.getText() + '\u001f' + article.getPublishedAt() + '\u001f' + article.getRegionHint());
    if (digest.equals(digests.get(article.getId()))) {
      return; // re-ingested: its events are out already
    }
    List<Observation> observations;
    long started = System.nanoTime();
    try {
      observations = extractor.apply(article);
    } catch (RuntimeException e) {
      dlq.send(record, "extract-failed", e.toString());
      return;
    } finally {
      metrics.onExtraction(System.nanoTime() - started);
    }
    int emitted = 0;
    Instant ingestedAt = Instant.ofEpochMilli(record.timestamp());
    for (Observation o : observations) {
      Optional<MetricEvent> event = events.create(article, o, ingestedAt);
      if (event.isPresent()) {
        MetricEvent e = event.get();
        context.forward(new Record<Object, Object>(
            MetricEventFactory.key(e.getRegion(), e.getIndicator()), e, e.getObservedAt().toEpochMilli()), EVENTS_SINK);
        emitted++;
      }
    }
    metrics.onEvents(emitted);
    digests.put(article.getId(), digest);
  }
}
