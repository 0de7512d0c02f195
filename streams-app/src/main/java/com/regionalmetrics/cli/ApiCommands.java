package com.regionalmetrics.cli;

import java.io.PrintWriter;

/** What the commands that ask a running app share: the exit codes and how errors are printed. */
final class ApiCommands {
  /** The answer was printed. */
  static final int OK = 0;

  /** The API refused the question (a bad parameter) or failed. */
  static final int API_ERROR = 1;

  /** Bad usage, or the app could not be reached. */
  static final int UNREACHABLE = 2;

  /** The region, indicator or article is not known. */
  static final int NOT_FOUND = 3;

  /** A question to the app. */
  @FunctionalInterface
  interface Question {
    void ask(ApiClient client) throws Exception;
  }

  private ApiCommands() {}

  static int run(String api, PrintWriter out, PrintWriter err, Question question) throws Exception {
    ApiClient client = new ApiClient(api);
    try {
      client.checkReachable();
      question.ask(client);
      out.flush();
      return OK;
    } catch (ApiClient.ApiException e) {
      err.println((e.status == 404 ? "not found: " : "error: ") + e.getMessage());
      return e.status == 0 ? UNREACHABLE : e.status == 404 ? NOT_FOUND : API_ERROR;
    } catch (java.io.IOException e) {
      err.println("error: the app at " + client.api() + " stopped answering: " + e);
      return UNREACHABLE;
    }
  }
}
