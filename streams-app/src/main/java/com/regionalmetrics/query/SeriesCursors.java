package com.regionalmetrics.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: the last key of the page, base64url. */
final class SeriesCursors {
  private SeriesCursors() {}

  static String encode(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key a cursor stands for; IllegalArgumentException for anything this API did not return (not
   * base64url, not UTF-8, not a series key, or not in its canonical encoding).
   */
  static String decode(String cursor) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor.strip());
      String key =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      int bar = key.indexOf('|');
      if (bar <= 0 || bar == key.length() - 1 || !encode(key).equals(cursor.strip())) {
        throw new IllegalArgumentException("not a series key");
      }
      return key;
    } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException(
          "cursor is not one this API returned: pass nextCursor unchanged");
    }
  }
}
