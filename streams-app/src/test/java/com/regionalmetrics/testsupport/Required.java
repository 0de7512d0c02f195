package com.regionalmetrics.testsupport;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;

/**
 * What an integration test needs from the machine (a Java 21+ JDK for Apicurio, a container engine,
 * a headless browser) and whether its absence may be a skip.
 *
 * <p>By default a missing capability skips the test and says why. Where it must not — in CI — it is
 * a failure with the same reason: {@code -Dit.required=apicurio,containers,browser} (or {@code
 * all}), or the environment variable {@code CI=true}, which requires all of them unless {@code
 * -Dit.required} says otherwise ({@code -Dit.required=none}).
 */
public final class Required {
  public static final String PROPERTY = "it.required";
  public static final String APICURIO = "apicurio";
  public static final String CONTAINERS = "containers";
  public static final String BROWSER = "browser";
  public static final Set<String> ALL = Set.of(APICURIO, CONTAINERS, BROWSER);

  private Required() {}

  /** The required capabilities, and where that came from. */
  static Set<String> required() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      Set<String> out = new TreeSet<>();
      for (String s : property.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
        if (s.isEmpty() || s.equals("none")) {
          continue;
        }
        if (s.equals("all")) {
          out.addAll(ALL);
        } else if (ALL.contains(s)) {
          out.add(s);
        } else {
          throw new IllegalArgumentException(
              PROPERTY
                  + "="
                  + property
                  + ": unknown capability '"
                  + s
                  + "' (known: "
                  + new TreeSet<>(ALL)
                  + ", all, none)");
        }
      }
      return out;
    }
    return ciEnvironment() ? new TreeSet<>(ALL) : Set.of();
  }

  private static boolean ciEnvironment() {
    String ci = System.getenv("CI");
    return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
  }

  public static boolean isRequired(String capability) {
    return required().contains(capability);
  }

  private static String why() {
    String property = System.getProperty(PROPERTY);
    return property != null && !property.isBlank()
        ? "-D" + PROPERTY + "=" + property
        : "CI=" + System.getenv("CI") + " (override with -D" + PROPERTY + "=...)";
  }

  /** The message of a failure for a required capability that is missing. */
  public static String failureMessage(String capability, String reason) {
    return "REQUIRED "
        + capability
        + " is unavailable, so this test cannot run ("
        + why()
        + "): "
        + reason;
  }

  /**
   * Returns when {@code available}; otherwise skips the current test (an assumption failure) with
   * {@code reason}, or, when {@code capability} is required, fails it with that reason.
   */
  public static void assumeAvailable(String capability, boolean available, String reason) {
    if (available) {
      return;
    }
    if (isRequired(capability)) {
      System.out.println("[" + capability + "] " + failureMessage(capability, reason));
      throw new AssertionError(failureMessage(capability, reason));
    }
    // failsafe shows only "Skipped: n" on the console; say why there too
    System.out.println("[" + capability + "] SKIPPED: " + reason);
    Assumptions.assumeTrue(false, reason);
  }
}
