package com.regionalmetrics.serde;

import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The TLS context for HTTP clients that only ever call {@code http://} URLs. {@code java.net.http}
 * and Jetty's client build a TLS context when they are created, whether or not they ever use it:
 * the JVM's default one, which reads and parses the ~140 CA certificates of {@code cacerts} (~0.15
 * CPU-s of start-up each). This one trusts no certificate and costs next to nothing; a handshake
 * with it fails, so it must never be given to a client that may call {@code https://}.
 */
public final class PlainHttpTls {
  private PlainHttpTls() {}

  private static final class Holder {
    static final SSLContext CONTEXT = create();

    private static SSLContext create() {
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        // an empty array, not null: null would load the default trust store
        context.init(null, new TrustManager[0], null);
        return context;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JVM has no TLS implementation", e);
      }
    }
  }

  public static SSLContext context() {
    return Holder.CONTEXT;
  }

  /** True if every URL is {@code http://} (so a client of them never needs TLS). */
  public static boolean allPlain(List<String> urls) {
    return !urls.isEmpty()
        && urls.stream().allMatch(u -> u.regionMatches(true, 0, "http://", 0, 7));
  }
}
