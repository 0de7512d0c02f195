package com.regionalmetrics.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.regionalmetrics.serde.PlainHttpTls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks another instance for what its own stores hold, over its internal HTTP endpoints
 * (/internal/v1/...). Those endpoints only ever read locally, so a forwarded request is never
 * forwarded again. Calls are bounded by a timeout. Single-key reads go through Jetty's HttpClient
 * (keep-alive connection pools per peer, the caller blocked on its own exchange, no client-wide
 * lock), the reads that wait for the same peer at the same moment in one request ({@link
 * KeyBatcher}, POST /keys): the peer's cost of an HTTP request, as large as the read itself, is
 * then paid once per batch. Fan-out scans and status calls go through the JDK's asynchronous
 * HttpClient.
 */
public final class RemoteInstances implements AutoCloseable {
  public static final String PATH = "/internal/v1";
  private static final Logger LOG = LoggerFactory.getLogger(RemoteInstances.class);

  /** Requests of key reads in flight to one peer at once; more reads wait and go together. */
  static final int BATCH_SLOTS = 2;

  /** Most key reads in one request (/keys). */
  public static final int MAX_BATCH = 128;

  /** How long a peer that has no /keys (an older version) is asked one read per request. */
  private static final long LEGACY_RECHECK_NANOS = Duration.ofMinutes(1).toNanos();

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final HttpClient http;
  private final Duration timeout;
  private final String token;
  private final org.eclipse.jetty.client.HttpClient peers;
  private final Map<HostInfo, KeyBatcher<KeyRead, KeyReply>> batchers = new ConcurrentHashMap<>();
  private final Map<HostInfo, Long> legacySince = new ConcurrentHashMap<>();
  private final ForwardStages stages = new ForwardStages();

  public RemoteInstances(Duration timeout) {
    this(timeout, null);
  }

  /**
   * @param token the shared secret of the internal API (http.internal.token), sent as a bearer
   *     token; null: none
   */
  public RemoteInstances(Duration timeout, String token) {
    this.timeout = timeout;
    this.token = token == null || token.isEmpty() ? null : token;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            // peers are called over plain http (application.server is host:port)
            .sslContext(PlainHttpTls.context())
            .build();
    this.peers = new org.eclipse.jetty.client.HttpClient();
    var tls = new org.eclipse.jetty.util.ssl.SslContextFactory.Client();
    tls.setSslContext(PlainHttpTls.context());
    peers.setSslContextFactory(tls);
    peers.setName("rm-peers");
    peers.setConnectTimeout(timeout.toMillis());
    peers.setFollowRedirects(false);
    peers.setMaxConnectionsPerDestination(64);
    try {
      peers.start();
    } catch (Exception e) {
      throw new IllegalStateException("could not start the HTTP client for other instances", e);
    }
  }

  /**
   * Wire form of a single-value answer.
   *
   * @param lag offset lag of the copy that answered; null when not known
   */
  public record ValueReply(String status, MetricEventView value, String message, Long lag) {}

  /** Wire form of a history answer. */
  public record HistoryReply(
      String status, List<MetricEventView> values, String message, Long lag) {}

  /**
   * One read of one key in a batch (POST /keys).
   *
   * @param kind value (asOf optional), history or claims
   * @param asOf epoch millis; null: the latest
   */
  public record KeyRead(String kind, String key, Integer partition, Long asOf, boolean stale) {
    public static final String VALUE = "value";
    public static final String HISTORY = "history";
    public static final String CLAIMS = "claims";
  }

  /** Wire form of a batch of key reads. */
  public record KeyReads(List<KeyRead> reads) {}

  /**
   * Wire form of the answer to one key read: value for kind value, values for history and claims.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record KeyReply(
      String status,
      MetricEventView value,
      List<MetricEventView> values,
      String message,
      Long lag) {}

  /** Wire form of a batch's answers, in the order of its reads. */
  public record KeyReplies(List<KeyReply> replies) {}

  public static KeyReply toKeyReply(LocalRead<?> r, boolean list) {
    @SuppressWarnings("unchecked")
    List<MetricEventView> values = list ? (List<MetricEventView>) r.value() : null;
    return new KeyReply(
        r.status().name(), list ? null : (MetricEventView) r.value(), values, r.message(), r.lag());
  }

  /** Where forwarded key reads spend their time on this instance (for /metrics). */
  public ForwardStages stages() {
    return stages;
  }

  /** Wire form of an instance's status. */
  public record StatusReply(String state, Map<Integer, Long> lag) {}

  public static ValueReply toReply(LocalRead<MetricEventView> r) {
    return new ValueReply(r.status().name(), r.value(), r.message(), r.lag());
  }

  public static HistoryReply toHistoryReply(LocalRead<List<MetricEventView>> r) {
    return new HistoryReply(r.status().name(), r.value(), r.message(), r.lag());
  }

  private CompletableFuture<LocalRead<MetricEventView>> value(
      HostInfo host, String key, int partition, Instant asOf, boolean allowStale) {
    Long at = asOf == null ? null : asOf.toEpochMilli();
    return keyRead(host, new KeyRead(KeyRead.VALUE, key, partition, at, allowStale), false);
  }

  private CompletableFuture<LocalRead<List<MetricEventView>>> list(
      HostInfo host, String kind, String key, int partition, boolean allowStale) {
    return keyRead(host, new KeyRead(kind, key, partition, null, allowStale), true);
  }

  /** One key read, in a batch with the other reads waiting for the same peer. */
  @SuppressWarnings("unchecked")
  private <T> CompletableFuture<LocalRead<T>> keyRead(HostInfo host, KeyRead read, boolean list) {
    KeyReply r;
    try {
      r =
          batchers
              .computeIfAbsent(
                  host,
                  h ->
                      new KeyBatcher<>(
                          BATCH_SLOTS, MAX_BATCH, reads -> sendReads(h, reads), stages))
              .read(read, timeout.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.completedFuture(
          LocalRead.unavailable(host + " unreachable: interrupted"));
    } catch (Exception e) {
      return CompletableFuture.completedFuture(
          LocalRead.unavailable(host + " unreachable: " + rootMessage(e)));
    }
    T value = (T) (list ? r.values() : r.value());
    return CompletableFuture.completedFuture(
        new LocalRead<>(LocalRead.Status.valueOf(r.status()), value, r.message(), r.lag()));
  }

  /**
   * One request for a batch of key reads; to a peer of an older version without /keys (during a
   * rolling upgrade), one request per read.
   */
  private List<KeyReply> sendReads(HostInfo host, List<KeyRead> reads) throws Exception {
    Long since = legacySince.get(host);
    if (since == null || System.nanoTime() - since > LEGACY_RECHECK_NANOS) {
      Request request =
          peerRequest(host, "/keys")
              .method(HttpMethod.POST)
              .body(
                  new BytesRequestContent(
                      "application/json", JSON.writeValueAsBytes(new KeyReads(reads))));
      long sent = System.nanoTime();
      ContentResponse r = request.send();
      stages.exchangeNanos.add(System.nanoTime() - sent);
      if (r.getStatus() == 200) {
        legacySince.remove(host);
        return parse(host, r.getContent(), KeyReplies.class).replies();
      }
      if (r.getStatus() != 404) {
        throw new IllegalStateException("HTTP " + r.getStatus() + " from " + host);
      }
      if (since == null) {
        LOG.info(
            "{}:{} has no {}/keys (an older version): one request per key read",
            host.host(),
            host.port(),
            PATH);
      }
      legacySince.put(host, System.nanoTime());
    }
    List<KeyReply> replies = new ArrayList<>(reads.size());
    for (KeyRead read : reads) {
      replies.add(sendOne(host, read));
    }
    return replies;
  }

  /** One key read as its own GET (/value, /history, /claims): what older versions answer. */
  private KeyReply sendOne(HostInfo host, KeyRead read) throws Exception {
    String q =
        "key="
            + enc(read.key())
            + "&partition="
            + read.partition()
            + "&stale="
            + read.stale()
            + (read.asOf() == null ? "" : "&asOf=" + read.asOf());
    if (read.kind().equals(KeyRead.VALUE)) {
      ValueReply r = send(host, "/value?" + q, ValueReply.class);
      return new KeyReply(r.status(), r.value(), null, r.message(), r.lag());
    }
    HistoryReply r = send(host, "/" + read.kind() + "?" + q, HistoryReply.class);
    return new KeyReply(r.status(), null, r.values(), r.message(), r.lag());
  }

  private CompletableFuture<ScanResult> scan(
      HostInfo host, Set<Integer> partitions, ScanRequest request, boolean allowStale) {
    StringBuilder q =
        new StringBuilder("partitions=")
            .append(partitions.stream().map(String::valueOf).collect(Collectors.joining(",")))
            .append("&stale=")
            .append(allowStale)
            .append("&limit=")
            .append(request.limit());
    append(q, "prefix", request.prefix());
    append(q, "after", request.after());
    append(q, "q", request.q());
    append(q, "category", request.category());
    append(q, "asOf", request.asOf() == null ? null : request.asOf().toString());
    return get(host, "/scan?" + q, ScanResult.class)
        .exceptionally(e -> ScanResult.failed(partitions));
  }

  /** Wire form of an article-state answer. */
  public record ArticleStateReply(String status, ArticleStateView value, String message) {}

  public static ArticleStateReply toArticleReply(LocalRead<ArticleStateView> r) {
    return new ArticleStateReply(r.status().name(), r.value(), r.message());
  }

  LocalRead<ArticleStateView> articleState(
      HostInfo host, String id, int partition, boolean allowStale) {
    String q = "id=" + enc(id) + "&partition=" + partition + "&stale=" + allowStale;
    try {
      ArticleStateReply r = send(host, "/article?" + q, ArticleStateReply.class);
      return new LocalRead<>(LocalRead.Status.valueOf(r.status()), r.value(), r.message(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return LocalRead.unavailable(host + " unreachable: interrupted");
    } catch (Exception e) {
      return LocalRead.unavailable(host + " unreachable: " + rootMessage(e));
    }
  }

  /** Another instance's stores as a {@link StoreReader}. */
  StoreReader reader(HostInfo host) {
    return new StoreReader() {
      @Override
      public CompletableFuture<LocalRead<MetricEventView>> value(
          String key, int partition, Instant asOf, boolean allowStale) {
        return RemoteInstances.this.value(host, key, partition, asOf, allowStale);
      }

      @Override
      public CompletableFuture<LocalRead<List<MetricEventView>>> history(
          String key, int partition, boolean allowStale) {
        return list(host, KeyRead.HISTORY, key, partition, allowStale);
      }

      @Override
      public CompletableFuture<LocalRead<List<MetricEventView>>> claims(
          String key, int partition, boolean allowStale) {
        return list(host, KeyRead.CLAIMS, key, partition, allowStale);
      }

      @Override
      public CompletableFuture<ScanResult> scan(
          Set<Integer> partitions, ScanRequest request, boolean allowStale) {
        return RemoteInstances.this.scan(host, partitions, request, allowStale);
      }

      @Override
      public CompletableFuture<ScanResult> compare(
          Set<Integer> partitions, CompareRequest request, boolean allowStale) {
        String q =
            "partitions="
                + partitions.stream().map(String::valueOf).collect(Collectors.joining(","))
                + "&stale="
                + allowStale
                + "&"
                + request.toQuery(RemoteInstances::enc);
        return get(host, "/compare?" + q, ScanResult.class)
            .exceptionally(e -> ScanResult.failed(partitions));
      }

      @Override
      public CompletableFuture<RegionScan> regions(
          Set<Integer> partitions, String after, int limit, boolean allowStale) {
        StringBuilder q =
            new StringBuilder("partitions=")
                .append(partitions.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .append("&stale=")
                .append(allowStale)
                .append("&limit=")
                .append(limit);
        append(q, "after", after);
        return get(host, "/regions?" + q, RegionScan.class)
            .exceptionally(e -> RegionScan.failed(partitions));
      }
    };
  }

  CompletableFuture<StatusReply> status(HostInfo host) {
    return get(host, "/status", StatusReply.class);
  }

  /** For calls the caller waits on at once (single-key reads): blocking, on the calling thread. */
  private <T> T send(HostInfo host, String pathAndQuery, Class<T> type) throws Exception {
    ContentResponse r = peerRequest(host, pathAndQuery).send();
    if (r.getStatus() != 200) {
      throw new IllegalStateException("HTTP " + r.getStatus() + " from " + host);
    }
    return parse(host, r.getContent(), type);
  }

  private Request peerRequest(HostInfo host, String pathAndQuery) {
    return peers
        .newRequest("http://" + host.host() + ":" + host.port() + PATH + pathAndQuery)
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .headers(
            h -> {
              h.put(HttpHeader.ACCEPT, "application/json");
              if (token != null) {
                h.put(HttpHeader.AUTHORIZATION, "Bearer " + token);
              }
            });
  }

  /** For calls made to several instances at once (fan-out). */
  private <T> CompletableFuture<T> get(HostInfo host, String pathAndQuery, Class<T> type) {
    return http.sendAsync(request(host, pathAndQuery), BODY)
        .thenApply(response -> read(host, response, type));
  }

  private static final HttpResponse.BodyHandler<byte[]> BODY =
      HttpResponse.BodyHandlers.ofByteArray();

  private HttpRequest request(HostInfo host, String pathAndQuery) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create("http://" + host.host() + ":" + host.port() + PATH + pathAndQuery))
            .timeout(timeout)
            .GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.build();
  }

  private static <T> T read(HostInfo host, HttpResponse<byte[]> response, Class<T> type) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + " from " + host);
    }
    return parse(host, response.body(), type);
  }

  private static <T> T parse(HostInfo host, byte[] body, Class<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable answer from " + host + ": " + e.getMessage(), e);
    }
  }

  private static void append(StringBuilder q, String name, String value) {
    if (value != null && !value.isEmpty()) {
      q.append('&').append(name).append('=').append(enc(value));
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /** Closes the connections to other instances. */
  @Override
  public void close() {
    try {
      peers.stop();
    } catch (Exception e) {
      LOG.warn("closing the peer HTTP client failed", e);
    }
  }
}
