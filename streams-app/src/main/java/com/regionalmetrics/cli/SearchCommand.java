package com.regionalmetrics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Finds indicators of every region by text and category. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Finds the latest values of every region whose region name, indicator id or label contains TEXT.",
      "Examples:",
      "  search PM2.5",
      "  search 张家口 --category air",
      "  search 数据中心 --limit 200 --json"
    },
    footer = {
      "",
      "Exit status:",
      "  0  the answer was printed",
      "  1  the API refused the question (a bad parameter: the message says which) or failed",
      "  2  bad usage, or the app cannot be reached (see --api)"
    })
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT")
  String text;

  @Option(names = "--category", description = "Only indicators of this category (air, digital, …)")
  String category;

  @Option(names = "--limit", defaultValue = "50", description = "At most this many (default 50)")
  int limit;

  @Option(names = "--json", description = "Print the API's JSON instead of a table")
  boolean json;

  @Option(
      names = "--api",
      defaultValue = "http://127.0.0.1:8080",
      description = "The app's HTTP address (default ${DEFAULT-VALUE})")
  String api;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    StringBuilder path = new StringBuilder("/api/indicators?limit=").append(limit);
    if (text != null) {
      path.append("&q=").append(ApiClient.enc(text));
    }
    if (category != null) {
      path.append("&category=").append(ApiClient.enc(category));
    }
    return ApiCommands.run(
        api,
        out,
        spec.commandLine().getErr(),
        client -> {
          JsonNode body = client.get(path.toString());
          if (json) {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
            return;
          }
          TextTable t = new TextTable("Region", "Indicator", ">Value", "Unit", "Period", "ID");
          body.path("items")
              .forEach(
                  v ->
                      t.row(
                          v.path("region").asText(),
                          v.path("indicatorLabel").asText(),
                          QueryCommand.value(v),
                          QueryCommand.unit(v),
                          v.path("period").asText(),
                          v.path("indicator").asText()));
          out.print(t.render());
          if (!body.path("nextCursor").isNull()) {
            out.println("(more: raise --limit)");
          }
        });
  }
}
