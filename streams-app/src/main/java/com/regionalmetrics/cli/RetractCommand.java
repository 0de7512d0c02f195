package com.regionalmetrics.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Retracts articles: every claim they made is withdrawn and the answers fall back to the other
 * articles'.
 */
@Command(
    name = "retract",
    mixinStandardHelpOptions = true,
    description = {
      "Retracts articles by id through a running app (DELETE /api/articles/ID): a retraction record goes through the",
      "pipeline, every value the article stated is withdrawn, and each answer falls back to what other articles say.",
      "When the app sets http.write.token, the token is read from the environment variable RM_HTTP_WRITE_TOKEN.",
      "Exit status: 0 all retractions accepted, 1 some refused, 2 the app unreachable."
    })
final class RetractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "ID", description = "Article ids")
  List<String> ids;

  @Option(
      names = "--api",
      defaultValue = "http://127.0.0.1:8080",
      description = "The app's HTTP address (default ${DEFAULT-VALUE})")
  String api;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ApiClient client = new ApiClient(api);
    try {
      client.checkReachable();
    } catch (ApiClient.ApiException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    int refused = 0;
    for (String id : ids) {
      try {
        client.deleteArticle(id);
        out.println("retracted " + id);
      } catch (ApiClient.ApiException e) {
        err.println("refused " + id + ": " + e.getMessage() + " (HTTP " + e.status + ")");
        refused++;
      }
    }
    return refused == 0 ? 0 : 1;
  }
}
