package com.regionalmetrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The app's logback.xml with RM_LOG_FORMAT=json: one object per line with the field names log
 * shippers expect (Logstash's), the stack trace as one string, MDC entries as fields.
 */
class JsonLogsTest {
  @Test
  void jsonLinesCarryTheLogstashFieldsTheStackTraceAndTheMdc() throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.putProperty("RM_LOG_FORMAT", "json");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(getClass().getResource("/logback.xml"));
      Logger log = context.getLogger("com.regionalmetrics.topology.ExtractProcessor");
      context.getMDCAdapter().put("article_id", "seed-1");
      context.getMDCAdapter().put("request_id", "req-7");
      log.error("article {} failed", "seed-1", new IllegalStateException("bad sentence"));
    } finally {
      context.stop();
      System.setOut(stdout);
    }

    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(lines[0]);
    assertThat(line.path("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    assertThat(line.path("message").asText()).isEqualTo("article seed-1 failed");
    assertThat(line.path("logger_name").asText())
        .isEqualTo("com.regionalmetrics.topology.ExtractProcessor");
    assertThat(line.path("level").asText()).isEqualTo("ERROR");
    assertThat(line.path("stack_trace").isTextual()).isTrue();
    assertThat(line.path("stack_trace").asText())
        .startsWith("java.lang.IllegalStateException: bad sentence")
        .contains("JsonLogsTest");
    assertThat(line.path("article_id").asText()).isEqualTo("seed-1");
    assertThat(line.path("request_id").asText()).isEqualTo("req-7");
    assertThat(line.has("formattedMessage")).isFalse();
  }
}
