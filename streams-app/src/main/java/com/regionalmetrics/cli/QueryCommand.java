package com.regionalmetrics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Asks a running app about a region or one of its indicators; prints a table or JSON. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Shows what a running app knows about a region (latest value of each indicator) or one indicator",
      "(its latest value with provenance, the value as of a date, or its history).",
      "REGION: any name or code the gazetteer knows (承德, 承德市, 130800). INDICATOR: catalog id or label",
      "(air.aqi_composite, 空气质量综合指数).",
      "Examples:",
      "  query 承德",
      "  query 承德 空气质量综合指数 --history",
      "  query 承德 air.aqi_composite --as-of 2020",
      "  query 承德 --as-of 2020-06-30 --json",
      "  query 张家口 air.pm25 --history --csv > zjk-pm25.csv"
    },
    footer = {
      "",
      "Exit status:",
      "  0  the answer was printed",
      "  1  the API refused the question (a bad parameter: the message says which) or failed",
      "  2  bad usage, or the app cannot be reached (see --api)",
      "  3  not found (unknown region or indicator; no value as of the date)"
    })
final class QueryCommand implements Callable<Integer> {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REGION")
  String region;

  @Parameters(index = "1", arity = "0..1", paramLabel = "INDICATOR")
  String indicator;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "The value valid at the end of YYYY, YYYY-MM or YYYY-MM-DD")
  String asOf;

  @Option(
      names = "--history",
      description = "Every value of INDICATOR in time order (up to --as-of, if given)")
  boolean history;

  @Option(names = "--json", description = "Print the API's JSON instead of a table")
  boolean json;

  @Option(
      names = "--csv",
      description = "Print CSV (RFC 4180, a header row) instead of a table, for spreadsheets")
  boolean csv;

  @Option(
      names = "--api",
      defaultValue = "http://127.0.0.1:8080",
      description = "The app's HTTP address (default ${DEFAULT-VALUE})")
  String api;

  private ApiClient client;
  private PrintWriter out;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (history && indicator == null) {
      err.println("error: --history needs an INDICATOR");
      return 2;
    }
    if (json && csv) {
      err.println("error: --json and --csv exclude each other");
      return 2;
    }
    client = new ApiClient(api);
    try {
      client.checkReachable();
      if (indicator == null) {
        region();
      } else if (history) {
        history();
      } else {
        indicator();
      }
      out.flush();
      return 0;
    } catch (ApiClient.ApiException e) {
      err.println((e.status == 404 ? "not found: " : "error: ") + e.getMessage());
      return e.status == 0
          ? ApiCommands.UNREACHABLE
          : e.status == 404 ? ApiCommands.NOT_FOUND : ApiCommands.API_ERROR;
    }
  }

  private void region() throws Exception {
    // one server-side call: the API resolves each indicator as of the date
    String path =
        "/api/regions/"
            + ApiClient.enc(region)
            + "/indicators"
            + (asOf == null ? "" : "?asOf=" + ApiClient.enc(asOf));
    if (csv) {
      out.print(client.getCsv(path));
      return;
    }
    JsonNode body = client.get(path);
    String name = body.path("region").asText(region);
    List<JsonNode> values = new ArrayList<>();
    body.path("indicators").forEach(values::add);
    values.sort(
        Comparator.comparing((JsonNode v) -> category(v.path("indicator").asText()))
            .thenComparing(v -> v.path("indicatorLabel").asText()));
    if (json) {
      ObjectNode o = ApiClient.JSON.createObjectNode().put("region", name);
      if (asOf != null) {
        o.put("asOf", asOf);
      }
      ArrayNode a = o.putArray("indicators");
      values.forEach(a::add);
      printJson(o);
      return;
    }
    String code = values.isEmpty() ? "" : " (" + values.get(0).path("regionCode").asText() + ")";
    out.println(
        name
            + code
            + " · "
            + values.size()
            + " indicator"
            + (values.size() == 1 ? "" : "s")
            + (asOf == null ? "" : " · as of " + asOf));
    out.println();
    TextTable table =
        new TextTable("Category", "Indicator", ">Value", "Unit", "Period", "As written", "ID");
    for (JsonNode v : values) {
      table.row(
          category(v.path("indicator").asText()),
          v.path("indicatorLabel").asText(),
          value(v),
          unit(v),
          v.path("period").asText(),
          v.path("rawText").asText(),
          v.path("indicator").asText());
    }
    out.print(table.render());
  }

  private void indicator() throws Exception {
    String path =
        indicatorPath(region, indicator) + (asOf == null ? "" : "?asOf=" + ApiClient.enc(asOf));
    if (csv) {
      out.print(client.getCsv(path));
      return;
    }
    JsonNode v = client.get(path);
    if (json) {
      printJson(v);
      return;
    }
    out.println(
        v.path("region").asText()
            + " · "
            + v.path("indicatorLabel").asText()
            + " ("
            + v.path("indicator").asText()
            + ")"
            + (asOf == null ? " · latest" : " · as of " + asOf));
    out.println();
    TextTable t = new TextTable("Field", "Value");
    t.row("Value", value(v) + (unit(v).isEmpty() ? "" : " " + unit(v)));
    t.row(
        "Period",
        v.path("period").asText()
            + " (valid from "
            + china(v.path("observedAt").asText(null))
            + ")");
    t.row("Qualifier", v.path("qualifier").asText());
    if (v.hasNonNull("change")) {
      t.row(
          "Change",
          v.path("change").path("kind").asText()
              + " "
              + v.path("change").path("direction").asText());
    }
    t.row("As written", v.path("rawText").asText());
    t.row(
        "Article",
        v.path("articleId").asText()
            + " (published "
            + day(v.path("publishedAt").asText(null))
            + ")");
    t.row("Evidence", v.path("evidence").asText());
    t.row("Region code", v.path("regionCode").asText());
    t.row("Parser", v.path("parserVersion").asText());
    out.print(t.render());
  }

  private void history() throws Exception {
    String path =
        indicatorPath(region, indicator)
            + "/history"
            + (asOf == null ? "" : "?to=" + ApiClient.enc(asOf));
    if (csv) {
      out.print(client.getCsv(path));
      return;
    }
    JsonNode body = client.get(path);
    if (json) {
      printJson(body);
      return;
    }
    JsonNode values = body.path("values");
    String label =
        values.size() > 0
            ? values.get(0).path("indicatorLabel").asText()
            : body.path("indicator").asText();
    out.println(
        body.path("region").asText()
            + " · "
            + label
            + " ("
            + body.path("indicator").asText()
            + ") · "
            + values.size()
            + " value"
            + (values.size() == 1 ? "" : "s")
            + (asOf == null ? "" : " up to " + asOf));
    out.println();
    TextTable t =
        new TextTable(
            "Period", ">Value", "Unit", "As written", "Qualifier", "Article", "Published");
    for (JsonNode v : values) {
      t.row(
          v.path("period").asText(),
          value(v),
          unit(v),
          v.path("rawText").asText(),
          v.path("qualifier").asText(),
          v.path("articleId").asText(),
          day(v.path("publishedAt").asText(null)));
    }
    out.print(t.render());
  }

  private static String indicatorPath(String region, String indicator) {
    return "/api/indicators/" + ApiClient.enc(region) + "/" + ApiClient.enc(indicator);
  }

  private void printJson(JsonNode node) throws Exception {
    out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
  }

  static String category(String indicatorId) {
    int dot = indicatorId.indexOf('.');
    String prefix = dot > 0 ? indicatorId.substring(0, dot) : "other";
    return prefix.equals("x") ? "other" : prefix;
  }

  /**
   * The value as a reader takes it: a bound sign (≈ > <), and for a change its direction and kind
   * (↓19.9 % y/y, ↑3 places), so a change never reads as a level.
   */
  static String value(JsonNode v) {
    String sign =
        switch (v.path("qualifier").asText()) {
          case "APPROX" -> "≈";
          case "OVER" -> ">";
          case "UNDER" -> "<";
          default -> "";
        };
    String number =
        BigDecimal.valueOf(v.path("value").asDouble()).stripTrailingZeros().toPlainString();
    JsonNode change = v.path("change");
    if (!change.isObject()) {
      return sign + number;
    }
    String arrow = "DOWN".equals(change.path("direction").asText()) ? "↓" : "↑";
    return switch (change.path("kind").asText()) {
      case "YOY_PCT" -> arrow + sign + number + " % y/y";
      case "PCT" -> arrow + sign + number + " %";
      case "RANK_CHANGE" -> arrow + sign + number + " places";
      default -> arrow + sign + number; // an absolute change, in the unit column's unit
    };
  }

  /** The unit column; empty for counts and indices, and where the value already says it. */
  static String unit(JsonNode v) {
    String unit = v.path("unit").asText("");
    String kind = v.path("change").path("kind").asText("");
    if (kind.equals("YOY_PCT") || kind.equals("PCT") || kind.equals("RANK_CHANGE")) {
      return "";
    }
    return unit.equals("index") || unit.equals("count") ? "" : unit;
  }

  static String china(String instant) {
    try {
      return OffsetDateTime.ofInstant(Instant.parse(instant), CHINA).toString();
    } catch (RuntimeException e) {
      return String.valueOf(instant);
    }
  }

  static String day(String instant) {
    if (instant == null || instant.isBlank()) {
      return "unknown";
    }
    try {
      return LocalDate.ofInstant(Instant.parse(instant), CHINA).toString();
    } catch (RuntimeException e) {
      return instant;
    }
  }
}
