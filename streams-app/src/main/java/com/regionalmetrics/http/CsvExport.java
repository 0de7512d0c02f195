package com.regionalmetrics.http;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.regionalmetrics.query.MetricEventView;
import com.regionalmetrics.query.RegionSummary;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers as CSV for spreadsheets and pandas: asked for with {@code Accept: text/csv} or {@code
 * ?format=csv}; RFC 4180 (comma, CRLF, fields with commas, quotes or line breaks quoted, quotes
 * doubled), a header row, UTF-8, with {@code ?bom=true} a byte order mark so that Excel reads it as
 * UTF-8. A paged answer's next cursor is in the header {@code X-Next-Cursor}.
 */
final class CsvExport {
  static final String CONTENT_TYPE = "text/csv; charset=utf-8; header=present";
  // quotes exactly the fields that need it (by default, any field over 24 chars is quoted)
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  /** The columns of a value: what it is, the number, and where it came from. */
  static final Map<String, Function<MetricEventView, Object>> VALUE_COLUMNS = new LinkedHashMap<>();

  static {
    VALUE_COLUMNS.put("region", MetricEventView::region);
    VALUE_COLUMNS.put("regionCode", MetricEventView::regionCode);
    VALUE_COLUMNS.put("indicator", MetricEventView::indicator);
    VALUE_COLUMNS.put("indicatorLabel", MetricEventView::indicatorLabel);
    VALUE_COLUMNS.put("period", MetricEventView::period);
    VALUE_COLUMNS.put("observedAt", MetricEventView::observedAt);
    VALUE_COLUMNS.put("value", MetricEventView::value);
    VALUE_COLUMNS.put("unit", MetricEventView::unit);
    VALUE_COLUMNS.put("qualifier", MetricEventView::qualifier);
    VALUE_COLUMNS.put("change", v -> v.change() == null ? null : v.change().kind());
    VALUE_COLUMNS.put("direction", v -> v.change() == null ? null : v.change().direction());
    VALUE_COLUMNS.put("rawText", MetricEventView::rawText);
    VALUE_COLUMNS.put("articleId", MetricEventView::articleId);
    VALUE_COLUMNS.put("publishedAt", MetricEventView::publishedAt);
    VALUE_COLUMNS.put(
        "sources",
        v ->
            v.sources() == null
                ? v.articleId()
                : v.sources().stream()
                    .map(MetricEventView.SourceView::articleId)
                    .collect(Collectors.joining(" ")));
    VALUE_COLUMNS.put("evidence", MetricEventView::evidence);
  }

  static final Map<String, Function<RegionSummary, Object>> REGION_COLUMNS = new LinkedHashMap<>();

  static {
    REGION_COLUMNS.put("region", RegionSummary::region);
    REGION_COLUMNS.put("regionCode", RegionSummary::regionCode);
    REGION_COLUMNS.put("indicators", RegionSummary::indicators);
    REGION_COLUMNS.put("latestObservedAt", RegionSummary::latestObservedAt);
  }

  private CsvExport() {}

  /** True when the client asked for CSV; 400 for a format the API does not have. */
  static boolean wanted(Context ctx) {
    String format = ctx.queryParam("format");
    if (format != null && !format.isBlank()) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw new BadRequestException("format must be json or csv, got: " + format);
      };
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
  }

  /** Writes rows as the answer, with the given columns and a file name for downloads. */
  static <T> void write(
      Context ctx, List<T> rows, Map<String, Function<T, Object>> columns, String fileName) {
    boolean bom = bom(ctx.queryParam("bom"));
    CsvSchema.Builder schema = CsvSchema.builder().setLineSeparator("\r\n").setUseHeader(true);
    columns.keySet().forEach(schema::addColumn);
    StringWriter out = new StringWriter();
    if (bom) {
      out.write('\uFEFF');
    }
    if (rows.isEmpty()) {
      out.write(String.join(",", columns.keySet()) + "\r\n"); // the header alone
    }
    try (SequenceWriter w = CSV.writer(schema.build()).writeValues(out)) {
      for (T row : rows) {
        Map<String, Object> values = new LinkedHashMap<>();
        columns.forEach((name, f) -> values.put(name, f.apply(row)));
        w.write(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    ctx.contentType(CONTENT_TYPE).result(out.toString());
  }

  private static boolean bom(String bom) {
    if (bom == null || bom.isBlank() || bom.strip().equalsIgnoreCase("false")) {
      return false;
    }
    if (bom.strip().equalsIgnoreCase("true")) {
      return true;
    }
    throw new BadRequestException("bom must be true or false, got: " + bom);
  }
}
