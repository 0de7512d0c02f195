package com.regionalmetrics.app;

import java.util.List;

/**
 * Where one schema the app writes stands in the registry.
 *
 * @param subject the subject under the configured value.subject.name.strategy
 * @param topics the topics the app writes the schema to under this subject
 * @param record the schema's full name
 * @param id its global id, or null when the subject does not hold it
 * @param compatible whether the schema is compatible with the subject's latest version (under the
 *     subject's compatibility level); true when the subject is new
 * @param state what the command found or did
 */
public record SchemaStatus(
    String subject,
    List<String> topics,
    String record,
    Integer id,
    boolean compatible,
    State state) {

  /** What was found (check) or done (register). */
  public enum State {
    REGISTERED("registered"),
    NEWLY_REGISTERED("registered now"),
    MISSING_SUBJECT("not registered: no such subject"),
    MISSING_VERSION("not registered under the subject"),
    REJECTED("rejected by the registry: incompatible");

    private final String text;

    State(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Registered, and compatible with the subject's latest version. */
  public boolean ok() {
    return id != null && compatible;
  }
}
