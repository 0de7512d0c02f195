package com.regionalmetrics.topology;

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

  public static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
