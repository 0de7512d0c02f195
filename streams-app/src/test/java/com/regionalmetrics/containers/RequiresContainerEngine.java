package com.regionalmetrics.containers;

import com.regionalmetrics.testsupport.Required;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Skips the annotated test class, with a reason that says what to do, when Testcontainers finds no
 * Docker-compatible API (no Docker engine, no podman socket in DOCKER_HOST), or when the build says
 * why there is none ({@code -Dit.containers.unavailable=REASON}, set by .ci/run when it could not
 * start podman or build the local images). The embedded broker tests do not need one and still run.
 *
 * <p>When containers are required ({@code -Dit.required=containers}, or {@code CI=true}; see {@link
 * Required}) the class fails with that reason instead. Anything other than "no engine" — an
 * exception while probing, a class missing from the test classpath — is never a skip: it propagates
 * and fails the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresContainerEngine.Condition.class)
public @interface RequiresContainerEngine {

  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String declared = System.getProperty("it.containers.unavailable");
      String reason;
      if (declared != null && !declared.isBlank()) {
        reason = "the build has no container engine: " + declared;
      } else if (DockerClientFactory.instance().isDockerAvailable()) {
        return ConditionEvaluationResult.enabled("container engine reachable");
      } else {
        String dockerHost = System.getenv("DOCKER_HOST");
        reason =
            "no container engine reachable (DOCKER_HOST="
                + (dockerHost == null ? "unset" : dockerHost)
                + ", no usable /var/run/docker.sock): start Docker, or "
                + "'podman system service' and export DOCKER_HOST=unix:///path/to/podman.sock (.ci/run does this)";
      }
      if (Required.isRequired(Required.CONTAINERS)) {
        String message = Required.failureMessage(Required.CONTAINERS, reason);
        System.out.println("[containers-it] " + context.getDisplayName() + ": " + message);
        throw new AssertionError(message);
      }
      // failsafe shows only "Skipped: n" on the console; say why there too
      System.out.println("[containers-it] SKIPPED " + context.getDisplayName() + ": " + reason);
      return ConditionEvaluationResult.disabled(reason);
    }
  }
}
