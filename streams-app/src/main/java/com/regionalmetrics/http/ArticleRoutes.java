package com.regionalmetrics.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.article.ArticleIds;
import com.regionalmetrics.article.PublishedDates;
import com.regionalmetrics.avro.Article;
import com.regionalmetrics.query.Answer;
import com.regionalmetrics.query.ArticleStatus;
import com.regionalmetrics.query.ArticleStatuses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Articles: {@code POST /api/articles} (plain text or JSON; with {@code wait=10s} it answers when
 * the article is queryable or dead-lettered, 202 with status pending when the time is up), {@code
 * GET /api/articles/{id}} (pending, processed or dead-lettered) and {@code DELETE} (retraction).
 */
final class ArticleRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleRoutes.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Duration MAX_WAIT = Duration.ofSeconds(60);
  private static final Duration PUBLISH_MARGIN = Duration.ofSeconds(5);
  private static final Pattern WAIT = Pattern.compile("(\\d{1,6})(ms|s)?");

  private final ArticleIngest ingest;
  private final ArticleStatuses statuses;
  private final long maxRequestBytes;
  private final long maxArticleBytes;

  ArticleRoutes(
      ArticleIngest ingest, ArticleStatuses statuses, long maxRequestBytes, long maxArticleBytes) {
    this.ingest = ingest;
    this.statuses = statuses;
    this.maxRequestBytes = maxRequestBytes;
    this.maxArticleBytes = maxArticleBytes;
  }

  void register(RoutesConfig routing) {
    routing.post("/api/articles", this::postArticle);
    routing.get("/api/articles/{id}", this::status);
    routing.delete("/api/articles/{id}", this::deleteArticle);
  }

  /** Retracts an article: a tombstone through the pipeline, which withdraws every claim it made. */
  void deleteArticle(Context ctx) throws Exception {
    String id = ctx.pathParam("id").strip();
    if (id.isEmpty()) {
      throw new BadRequestException("article id is empty");
    }
    ArticleIngest.Receipt receipt = publish(ctx, id, ingest.retract(id));
    if (receipt != null) {
      ctx.status(202).json(receipt);
    }
  }

  void status(Context ctx) {
    ApiServer.Routes.render(ctx, statuses().status(ctx.pathParam("id").strip()), v -> v);
  }

  void postArticle(Context ctx) throws Exception {
    Duration wait = waitParam(ctx.queryParam("wait"));
    Article article = isJson(ctx) ? fromJson(ctx) : fromText(ctx);
    if (wait != null) {
      statuses(); // 503 before anything is written when statuses cannot be told
    }
    ArticleIngest.Receipt receipt = publish(ctx, article.getId(), ingest.submit(article));
    if (receipt == null) {
      return;
    }
    if (statuses != null) {
      statuses.posted(
          article.getId(),
          new ArticleStatuses.Posted(
              ArticleIds.digest(article),
              new ArticleStatus.Receipt(
                  receipt.id(), receipt.topic(), receipt.partition(), receipt.offset())));
    }
    if (wait == null) {
      ctx.status(202).json(receipt);
      return;
    }
    long deadline = System.nanoTime() + wait.toNanos();
    Answer<ArticleStatus> last;
    while (true) {
      last = statuses.status(article.getId());
      if (last instanceof Answer.Found<ArticleStatus> f && f.value().settled()) {
        ctx.status(200).json(f.value());
        return;
      }
      if (System.nanoTime() >= deadline) {
        break;
      }
      Thread.sleep(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
    }
    ctx.status(202)
        .json(
            last instanceof Answer.Found<ArticleStatus> f
                ? f.value()
                : new ArticleStatus(
                    article.getId(),
                    ArticleStatus.PENDING,
                    new ArticleStatus.Receipt(
                        receipt.id(), receipt.topic(), receipt.partition(), receipt.offset()),
                    null,
                    null,
                    null,
                    null,
                    null,
                    "not queryable after " + wait.toMillis() + " ms"));
  }

  private ArticleStatuses statuses() {
    if (statuses == null) {
      throw new HttpResponseException(503, "article status is not available on this instance");
    }
    return statuses;
  }

  /** wait=10s, 500ms or 10 (seconds), at most {@link #MAX_WAIT}; null when absent. */
  static Duration waitParam(String wait) {
    if (wait == null || wait.isBlank()) {
      return null;
    }
    Matcher m = WAIT.matcher(wait.strip());
    Duration d = null;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d = "ms".equals(m.group(2)) ? Duration.ofMillis(n) : Duration.ofSeconds(n);
    }
    if (d == null || d.compareTo(MAX_WAIT) > 0) {
      throw new BadRequestException(
          "wait must be a duration such as 10s or 500ms, at most 60s, got: " + wait);
    }
    return d;
  }

  /**
   * The receipt, or null after answering 503 (the write failed). Waits out the producer's delivery
   * timeout (and a margin), so a 503 means the producer gave up, not that the write is still under
   * way.
   */
  private ArticleIngest.Receipt publish(
      Context ctx, String id, CompletableFuture<ArticleIngest.Receipt> sent)
      throws InterruptedException {
    try {
      return sent.get(
          ingest.deliveryTimeout().plus(PUBLISH_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("could not publish article {}", id, e);
      ctx.header("Retry-After", "5");
      ApiServer.error(ctx, 503, "the article could not be written to Kafka; try again");
      return null;
    }
  }

  private static boolean isJson(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.toLowerCase().startsWith("application/json");
  }

  private Article fromText(Context ctx) {
    return article(
        RequestBodies.text(ctx, maxRequestBytes),
        ctx.queryParam("id"),
        ctx.queryParam("published"),
        ctx.queryParam("source"),
        ctx.queryParam("url"),
        ctx.queryParam("title"),
        ctx.queryParam("region"));
  }

  private Article fromJson(Context ctx) {
    byte[] body = RequestBodies.bytes(ctx, maxRequestBytes); // 413 before any parsing
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (Exception e) {
      throw new BadRequestException("body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new BadRequestException("body must be a JSON object with at least \"text\"");
    }
    return article(
        text(node, "text"),
        text(node, "id"),
        text(node, "published"),
        text(node, "source"),
        text(node, "url"),
        text(node, "title"),
        text(node, "region"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private Article article(
      String text,
      String id,
      String published,
      String source,
      String url,
      String title,
      String region) {
    if (text == null || text.isBlank()) {
      throw new BadRequestException("article text is empty");
    }
    long bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > maxArticleBytes) {
      throw new HttpResponseException(
          413, "article of " + bytes + " bytes exceeds the limit of " + maxArticleBytes + " bytes");
    }
    if (published == null || published.isBlank()) {
      // undated articles would be dated by their arrival: the caller must say so
      throw new BadRequestException(
          "published is required: the article's publication date (YYYY-MM-DD or an "
              + "ISO-8601 date-time), or \"now\" to date it by its arrival");
    }
    Instant publishedAt;
    try {
      publishedAt =
          "now".equalsIgnoreCase(published.strip())
              ? Instant.now()
              : PublishedDates.parse(published);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    return Article.newBuilder()
        .setId(id == null || id.isBlank() ? ArticleIds.fromContent(text) : id.strip())
        .setText(text)
        .setPublishedAt(publishedAt)
        .setSource(source)
        .setUrl(url)
        .setTitle(title)
        .setRegionHint(region)
        .build();
  }
}
