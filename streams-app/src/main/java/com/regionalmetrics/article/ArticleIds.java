package com.regionalmetrics.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Article ids and content digests: the same text always gets the same id. */
public final class ArticleIds {
  private ArticleIds() {}

  /** An id for an article that came without one: derived from its text. */
  public static String fromContent(String text) {
    return "sha-" + sha256Hex(text).substring(0, 24);
  }

  /**
   * The digest of an article's content as the pipeline keeps it in article-state: its text, its
   * publication date ("assumed" when dated by arrival) and its region hint. A re-post with the same
   * digest changes nothing.
   */
  public static String digest(com.regionalmetrics.avro.Article article) {
    return sha256Hex(
        article.getText()
            + '\u001f'
            + (article.getPublishedAtAssumed() ? "assumed" : article.getPublishedAt())
            + '\u001f'
            + article.getRegionHint());
  }

  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * One SHA-256 instance per thread: looking the algorithm up per record costs more than digesting
   * a short text.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is always present", e);
            }
          });

  /** The SHA-256 digest of these bytes. */
  static byte[] sha256(byte[] bytes) {
    MessageDigest digest = SHA_256.get();
    digest.reset();
    return digest.digest(bytes);
  }
}
