package com.regionalmetrics.topology;

import com.regionalmetrics.article.ArticleIds;
import com.regionalmetrics.article.MetricEventFactory;
import com.regionalmetrics.article.PublishedDates;
import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.ArticleState;
import com.regionalmetrics.avro.ClaimRef;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.extract.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * articles -> metric-events. Reads the Avro article itself (so unreadable bytes reach the DLQ with
 * their reason instead of stopping the task), skips content it has already extracted, and emits one
 * MetricEvent per observation, keyed "region|indicator" and stamped with the end of the observation
 * period. It remembers what each article id produced (article-state), so that a new version of an
 * article retracts the claims it no longer makes, and a tombstone (null value) retracts all of
 * them.
 */
final class ExtractProcessor implements Processor<byte[], byte[], Object, Object> {
  static final String EVENTS_SINK = "metric-events-sink";
  private static final Logger LOG = LoggerFactory.getLogger(ExtractProcessor.class);

  private final Deserializer<Article> articles;
  private final Function<Article, List<Observation>> extractor;
  private final MetricEventFactory events;
  private final int maxArticleChars;
  private final PipelineMetrics metrics;
  private final String articlesTopic;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, ArticleState> states;
  private DeadLetters dlq;

  ExtractProcessor(
      Deserializer<Article> articles,
      Function<Article, List<Observation>> extractor,
      MetricEventFactory events,
      int maxArticleChars,
      PipelineMetrics metrics,
      String articlesTopic) {
    this.articles = articles;
    this.articlesTopic = articlesTopic;
    this.metrics = metrics;
    this.extractor = extractor;
    this.events = events;
    this.maxArticleChars = maxArticleChars;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.states = context.getStateStore(StoreNames.ARTICLE_STATE);
    this.dlq = new DeadLetters(context, metrics);
  }

  /**
   * With the task, partition and article id in the logging MDC (fields of their own in JSON logs),
   * so every line about an article says which one and where it came from.
   */
  @Override
  public void process(Record<byte[], byte[]> record) {
    MDC.put("task", context.taskId().toString());
    context.recordMetadata().ifPresent(m -> MDC.put("partition", m.topic() + "-" + m.partition()));
    if (record.key() != null) {
      MDC.put("article_id", new String(record.key(), StandardCharsets.UTF_8));
    }
    try {
      processRecord(record);
    } finally {
      MDC.remove("task");
      MDC.remove("partition");
      MDC.remove("article_id");
    }
  }

  private void processRecord(Record<byte[], byte[]> record) {
    if (record.value() == null) {
      if (record.key() == null) {
        dlq.send(record, DeadLetterReason.NULL_VALUE, "record has neither key nor value");
      } else {
        retract(new String(record.key(), StandardCharsets.UTF_8), record.timestamp());
      }
      return;
    }
    Article article;
    try {
      // read as Object: a serde that picks the class from the writer schema (ours, Confluent's)
      // returns another record type for Avro of another schema; that is incompatible input
      Object value =
          articles.deserialize(
              context.recordMetadata().map(m -> m.topic()).orElse(articlesTopic),
              record.headers(),
              record.value());
      if (!(value instanceof Article a)) {
        dlq.send(
            record,
            DeadLetterReason.INCOMPATIBLE_SCHEMA,
            "value is "
                + (value == null ? "null" : value.getClass().getSimpleName())
                + ", not an Article");
        return;
      }
      article = a;
    } catch (RuntimeException e) {
      String reason = DeadLetterReason.of(e);
      if (DeadLetterReason.REGISTRY_UNAVAILABLE.equals(reason)) {
        // an outage, not bad input: fail the task so the record is read again from the last
        // commit (the app replaces the thread) until the registry answers
        LOG.warn(
            "Schema Registry unavailable in task {}; failing it to retry: {}",
            context.taskId(),
            e.getMessage());
        throw e;
      }
      dlq.send(record, reason, e.getMessage(), e);
      return;
    }
    metrics.onArticle();
    if (article.getText() == null || article.getText().isBlank()) {
      dlq.send(record, DeadLetterReason.EMPTY_TEXT, "article " + article.getId() + " has no text");
      return;
    }
    if (article.getPublishedAt() != null
        && !PublishedDates.isPlausible(article.getPublishedAt(), Instant.now())) {
      dlq.send(
          record,
          DeadLetterReason.BAD_PUBLISHED_DATE,
          "article "
              + article.getId()
              + " claims to be published at "
              + article.getPublishedAt()
              + " (before 1970 or in the future)");
      return;
    }
    if (article.getText().length() > maxArticleChars) {
      dlq.send(
          record,
          DeadLetterReason.TOO_LARGE,
          "article of " + article.getText().length() + " characters exceeds " + maxArticleChars);
      return;
    }
    if (article.getPublishedAt() == null) {
      // no date from the source: the record's time is the best estimate, and the events say so
      article =
          Article.newBuilder(article)
              .setPublishedAt(Instant.ofEpochMilli(record.timestamp()))
              .setPublishedAtAssumed(true)
              .build();
    }
    // an assumed date is the arrival time: a re-post of the same undated text is still the same
    // article
    String digest = ArticleIds.digest(article);
    ArticleState previous = states.get(article.getId());
    if (previous != null && digest.equals(previous.getDigest())) {
      return; // re-ingested: its events are out already
    }
    List<Observation> observations;
    long started = System.nanoTime();
    try {
      observations = extractor.apply(article);
    } catch (RuntimeException e) {
      dlq.send(record, DeadLetterReason.EXTRACT_FAILED, e.toString(), e);
      return;
    } finally {
      metrics.onExtraction(System.nanoTime() - started);
    }
    Instant ingestedAt = Instant.ofEpochMilli(record.timestamp());
    Map<String, ClaimRef> emitted = new LinkedHashMap<>();
    for (Observation o : observations) {
      Optional<MetricEvent> event = events.create(article, o, ingestedAt);
      if (event.isPresent() && !emitted.containsKey(event.get().getEventId())) {
        MetricEvent e = event.get();
        String key = MetricEventFactory.key(e.getRegion(), e.getIndicator());
        context.forward(
            new Record<Object, Object>(key, e, e.getObservedAt().toEpochMilli()), EVENTS_SINK);
        emitted.put(
            e.getEventId(),
            new ClaimRef(
                e.getEventId(), key, e.getIndicatorLabel(), e.getPeriod(), e.getObservedAt()));
      }
    }
    if (previous != null) {
      // a corrected version: withdraw what the earlier one said and this one does not
      for (ClaimRef ref : previous.getClaims()) {
        if (!emitted.containsKey(ref.getEventId())) {
          forwardRetraction(article.getId(), ref, previous);
        }
      }
    }
    metrics.onEvents(emitted.size());
    states.put(
        article.getId(),
        new ArticleState(digest, article.getPublishedAt(), List.copyOf(emitted.values())));
  }

  /** A tombstone for an article id: withdraws every claim it made. */
  private void retract(String articleId, long timestamp) {
    ArticleState previous = states.get(articleId);
    if (previous == null) {
      LOG.info("Retraction of article {} which made no claims: nothing to withdraw", articleId);
      return;
    }
    previous.getClaims().forEach(ref -> forwardRetraction(articleId, ref, previous));
    states.delete(articleId);
    LOG.info("Article {} retracted: {} claims withdrawn", articleId, previous.getClaims().size());
  }

  private void forwardRetraction(String articleId, ClaimRef ref, ArticleState state) {
    MetricEvent retraction = MetricEventFactory.retraction(articleId, ref, state.getPublishedAt());
    context.forward(
        new Record<Object, Object>(ref.getKey(), retraction, ref.getObservedAt().toEpochMilli()),
        EVENTS_SINK);
  }
}
