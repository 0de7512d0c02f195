package com.regionalmetrics.topology;

import com.regionalmetrics.article.ArticleIds;
import com.regionalmetrics.article.PublishedDates;
import com.regionalmetrics.avro.Article;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * articles-text -> articles: plain UTF-8 text with metadata in headers (what kcat and other plain
 * producers can write) becomes an Avro Article. Unreadable records go to the DLQ. Without a
 * published header the record's timestamp stands in for the publication date (and the article says
 * it was assumed); a tombstone (key, no value) retracts the article with that id.
 */
final class TextArticleNormalizer implements Processor<byte[], byte[], Object, Object> {
  static final String ARTICLES_SINK = "articles-sink";

  private final int maxArticleBytes;
  private final PipelineMetrics metrics;
  private ProcessorContext<Object, Object> context;
  private DeadLetters dlq;

  /** Strict UTF-8: malformed input is reported, not replaced (each decode call resets it). */
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  TextArticleNormalizer(int maxArticleBytes, PipelineMetrics metrics) {
    this.maxArticleBytes = maxArticleBytes;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.dlq = new DeadLetters(context, metrics);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    if (record.value() == null) {
      if (record.key() == null) {
        dlq.send(record, DeadLetterReason.NULL_VALUE, "record has neither key nor value");
      } else {
        // a tombstone retracts the article with this id: passed on as one
        context.forward(
            new Record<Object, Object>(
                new String(record.key(), StandardCharsets.UTF_8).strip(), null, record.timestamp()),
            ARTICLES_SINK);
      }
      return;
    }
    if (record.value().length > maxArticleBytes) {
      dlq.send(
          record,
          DeadLetterReason.TOO_LARGE,
          "article of " + record.value().length + " bytes exceeds " + maxArticleBytes);
      return;
    }
    String text;
    try {
      text = utf8.decode(ByteBuffer.wrap(record.value())).toString();
    } catch (CharacterCodingException e) {
      dlq.send(record, DeadLetterReason.INVALID_UTF8, "value is not valid UTF-8 text", e);
      return;
    }
    if (text.isBlank()) {
      dlq.send(record, DeadLetterReason.EMPTY_TEXT, "article text is empty");
      return;
    }
    Headers h = record.headers();
    Instant published;
    try {
      published = PublishedDates.parse(DlqHeaders.get(h, "published"));
    } catch (IllegalArgumentException e) {
      dlq.send(record, DeadLetterReason.BAD_PUBLISHED_DATE, e.getMessage(), e);
      return;
    }
    String id =
        firstNonBlank(
            DlqHeaders.get(h, "id"),
            record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
    Article article =
        Article.newBuilder()
            .setId(id != null ? id : ArticleIds.fromContent(text))
            .setText(text)
            .setSource(DlqHeaders.get(h, "source"))
            .setUrl(DlqHeaders.get(h, "url"))
            .setTitle(DlqHeaders.get(h, "title"))
            .setRegionHint(DlqHeaders.get(h, "region"))
            .setPublishedAt(
                published != null ? published : Instant.ofEpochMilli(record.timestamp()))
            .setPublishedAtAssumed(published == null)
            .build();
    context.forward(
        new Record<Object, Object>(article.getId(), article, record.timestamp()), ARTICLES_SINK);
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.strip();
    }
    return b != null && !b.isBlank() ? b.strip() : null;
  }
}
