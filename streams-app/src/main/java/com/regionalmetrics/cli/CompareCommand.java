package com.regionalmetrics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** One indicator in every region, ranked. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Ranks the regions by one indicator: each region's latest value, or its value as of a date,",
      "with the article that stated it. INDICATOR: a measure id (air.pm25) or a catalog label.",
      "Examples:",
      "  compare air.pm25",
      "  compare air.pm25 --as-of 2023 --order asc",
      "  compare air.pm25 --level prefecture --within 河北 --csv > hebei-pm25.csv"
    },
    footer = {
      "",
      "Exit status:",
      "  0  the answer was printed",
      "  1  the API refused the question (a bad parameter: the message says which) or failed",
      "  2  bad usage, or the app cannot be reached (see --api)",
      "  3  no region has a value of INDICATOR (as of the date)"
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INDICATOR")
  String indicator;

  @Option(names = "--as-of", paramLabel = "DATE", description = "YYYY, YYYY-MM or YYYY-MM-DD")
  String asOf;

  @Option(names = "--level", description = "province, prefecture, county or zone")
  String level;

  @Option(names = "--within", paramLabel = "REGION", description = "Only its subdivisions")
  String within;

  @Option(names = "--regions", paramLabel = "A,B,…", description = "Only these regions")
  String regions;

  @Option(names = "--order", defaultValue = "desc", description = "desc (default) or asc")
  String order;

  @Option(names = "--limit", defaultValue = "100", description = "At most this many (default 100)")
  int limit;

  @Option(names = "--json", description = "Print the API's JSON instead of a table")
  boolean json;

  @Option(names = "--csv", description = "Print CSV (RFC 4180, a header row)")
  boolean csv;

  @Option(
      names = "--api",
      defaultValue = "http://127.0.0.1:8080",
      description = "The app's HTTP address (default ${DEFAULT-VALUE})")
  String api;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    StringBuilder path =
        new StringBuilder("/api/compare/")
            .append(ApiClient.enc(indicator))
            .append("?order=")
            .append(ApiClient.enc(order))
            .append("&limit=")
            .append(limit);
    add(path, "asOf", asOf);
    add(path, "level", level);
    add(path, "within", within);
    add(path, "regions", regions);
    return ApiCommands.run(
        api,
        out,
        spec.commandLine().getErr(),
        client -> {
          if (csv) {
            out.print(client.getCsv(path.toString()));
            return;
          }
          JsonNode body = client.get(path.toString());
          if (json) {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
            return;
          }
          JsonNode items = body.path("items");
          out.println(
              body.path("indicator").asText()
                  + (items.size() > 0 ? " · " + items.get(0).path("indicatorLabel").asText() : "")
                  + (asOf == null ? " · latest" : " · as of " + asOf)
                  + " · "
                  + items.size()
                  + " region"
                  + (items.size() == 1 ? "" : "s"));
          out.println();
          TextTable t =
              new TextTable(">#", "Region", ">Value", "Unit", "Period", "Article", "Published");
          int rank = 0;
          for (JsonNode v : items) {
            t.row(
                Integer.toString(++rank),
                v.path("region").asText(),
                QueryCommand.value(v),
                QueryCommand.unit(v),
                v.path("period").asText(),
                v.path("articleId").asText(),
                QueryCommand.day(v.path("publishedAt").asText(null)));
          }
          out.print(t.render());
          if (!body.path("nextCursor").isNull()) {
            out.println("(more: raise --limit)");
          }
        });
  }

  private static void add(StringBuilder path, String name, String value) {
    if (value != null && !value.isBlank()) {
      path.append('&').append(name).append('=').append(ApiClient.enc(value));
    }
  }
}
