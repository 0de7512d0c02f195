package com.regionalmetrics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the regions a running app has indicators for. */
@Command(
    name = "regions",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Lists the regions a running app has values for, with how many indicators each.",
      "Examples:",
      "  regions",
      "  regions --csv > regions.csv"
    },
    footer = {
      "",
      "Exit status:",
      "  0  the answer was printed",
      "  1  the API refused the question or failed",
      "  2  bad usage, or the app cannot be reached (see --api)"
    })
final class RegionsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

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
    return ApiCommands.run(
        api,
        out,
        spec.commandLine().getErr(),
        client -> {
          if (csv) {
            out.print(client.getCsv("/api/regions"));
            return;
          }
          JsonNode body = client.get("/api/regions");
          if (json) {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
            return;
          }
          TextTable t = new TextTable("Region", "Code", ">Indicators", "Newest value");
          body.path("regions")
              .forEach(
                  r ->
                      t.row(
                          r.path("region").asText(),
                          r.path("regionCode").asText(""),
                          r.path("indicators").asText(),
                          QueryCommand.day(r.path("latestObservedAt").asText(null))));
          out.println(body.path("regions").size() + " regions");
          out.println();
          out.print(t.render());
        });
  }
}
