package com.regionalmetrics.serde;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.Qualifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Records and byte helpers shared by the serde tests. */
final class AvroTestData {
  private AvroTestData() {}

  static MetricEvent metricEvent(String eventId, double value) {
    return MetricEvent.newBuilder()
        .setEventId(eventId)
        .setArticleId("art-1")
        .setRegion("张家口")
        .setRegionCode("130700")
        .setIndicator("air.aqi_composite")
        .setIndicatorLabel("空气质量综合指数")
        .setValue(value)
        .setUnit("index")
        .setRawText(String.valueOf(value))
        .setQualifier(Qualifier.APPROX)
        .setPeriod("2024")
        .setObservedAt(Instant.parse("2024-12-31T23:59:59.999Z"))
        .setEvidence("空气质量综合指数从5.09降至2024年的2.66")
        .setPublishedAt(Instant.parse("2025-02-26T00:00:00Z"))
        .setParserVersion("test-1")
        .build();
  }

  static Article article(String id) {
    return Article.newBuilder().setId(id).setText("正文").setSource("test").build();
  }

  /** The Avro binary body alone, from Avro's own encoder. */
  static byte[] avroBody(Schema schema, Object datum, org.apache.avro.generic.GenericData model) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<Object>(schema, model).write(datum, enc);
      enc.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Confluent framing built by hand: 0x00, id big-endian, body. */
  static byte[] frame(int id, byte[] body) {
    byte[] out = new byte[5 + body.length];
    out[0] = 0;
    out[1] = (byte) (id >> 24);
    out[2] = (byte) (id >> 16);
    out[3] = (byte) (id >> 8);
    out[4] = (byte) id;
    System.arraycopy(body, 0, out, 5, body.length);
    return out;
  }
}
