import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * CI's last word on skipped tests: reads every Surefire and Failsafe report (TEST-*.xml under
 * MODULE/target/surefire-reports and MODULE/target/failsafe-reports), lists each skipped test
 * with its reason, and exits 1 when any skip is not allowed. A skip is allowed only by a line of
 * the allow-list file (.ci/allowed-skips) or an --allow argument naming the test and why:
 *
 *   com.regionalmetrics.http.DashboardBrowserIT#someTest   why it may skip here
 *   com.regionalmetrics.containers.*                       why (a '*' matches anything)
 *
 * Usage (JDK 11+, no build needed): java .ci/SkipCheck.java [--allow-file F] [--allow 'PATTERN=why']... [ROOT]
 * Exit: 0 no unexpected skip, 1 unexpected skips (or no report at all), 2 bad usage.
 */
public class SkipCheck {
  record Allow(Pattern pattern, String text, String why) {}

  record Skip(String test, String message) {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(".");
    Path allowFile = Path.of(".ci/allowed-skips");
    List<Allow> allows = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--allow-file" -> allowFile = Path.of(args[++i]);
        case "--allow" -> {
          String a = args[++i];
          int eq = a.indexOf('=');
          if (eq <= 0 || a.substring(eq + 1).isBlank()) {
            usage("--allow needs PATTERN=why (a reason is required): " + a);
          }
          allows.add(allow(a.substring(0, eq).trim(), a.substring(eq + 1).trim()));
        }
        default -> {
          if (args[i].startsWith("-")) {
            usage("unknown option " + args[i]);
          }
          root = Path.of(args[i]);
        }
      }
    }
    root = root.resolve(".");
    if (Files.exists(allowFile)) {
      int n = 0;
      for (String line : Files.readAllLines(allowFile, StandardCharsets.UTF_8)) {
        n++;
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\\s+", 2);
        if (parts.length < 2 || parts[1].isBlank()) {
          usage(allowFile + ":" + n + ": an allowed skip needs a reason after the test name: " + l);
        }
        allows.add(allow(parts[0], parts[1].strip()));
      }
    }

    List<Path> reports = new ArrayList<>();
    try (Stream<Path> s = Files.find(root, 4, (p, a) -> a.isRegularFile()
        && p.getFileName().toString().startsWith("TEST-") && p.getFileName().toString().endsWith(".xml")
        && p.getParent() != null && p.getParent().getParent() != null
        && p.getParent().getParent().getFileName().toString().equals("target")
        && (p.getParent().getFileName().toString().equals("surefire-reports")
            || p.getParent().getFileName().toString().equals("failsafe-reports")))) {
      s.sorted().forEach(reports::add);
    }
    if (reports.isEmpty()) {
      System.out.println("[skip-check] no Surefire/Failsafe report under " + root.normalize().toAbsolutePath()
          + ": cannot tell what ran (did the build stop before the tests?)");
      System.exit(1);
    }

    long tests = 0, failed = 0;
    List<Skip> skips = new ArrayList<>();
    var factory = DocumentBuilderFactory.newInstance();
    for (Path report : reports) {
      Element suite = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
      NodeList cases = suite.getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        Element c = (Element) cases.item(i);
        tests++;
        if (c.getElementsByTagName("failure").getLength() + c.getElementsByTagName("error").getLength() > 0) {
          failed++;
        }
        NodeList skipped = c.getElementsByTagName("skipped");
        if (skipped.getLength() > 0) {
          Element e = (Element) skipped.item(0);
          String message = e.getAttribute("message");
          if (message.isBlank()) { // an assumption failure: the reason is the first line of its stack trace
            message = e.getTextContent().strip().lines().findFirst().orElse("")
                .replaceFirst("^org\\.opentest4j\\.TestAbortedException: (Assumption failed: )?", "");
          }
          String name = c.getAttribute("name");
          skips.add(new Skip(c.getAttribute("classname") + (name.isEmpty() ? "" : "#" + name),
              message.isBlank() ? "(no reason given)" : message));
        }
      }
    }

    int unexpected = 0;
    for (Skip s : skips) {
      Allow a = allows.stream().filter(x -> x.pattern().matcher(s.test()).matches()).findFirst().orElse(null);
      if (a == null) {
        unexpected++;
        System.out.println("[skip-check] UNEXPECTED SKIP " + s.test() + ": " + s.message());
      } else {
        System.out.println("[skip-check] allowed skip " + s.test() + ": " + s.message() + " (allowed by '" + a.text()
            + "': " + a.why() + ")");
      }
    }
    System.out.printf("[skip-check] %d reports, %d tests, %d skipped (%d allowed, %d unexpected)%n", reports.size(), tests,
        skips.size(), skips.size() - unexpected, unexpected);
    System.out.printf("reports: %d passed, %d failed, %d skipped%n", tests - failed - skips.size(), failed, skips.size());
    if (unexpected > 0) {
      System.out.println("[skip-check] FAILED: " + unexpected + " test(s) skipped that CI is meant to run; make them run, "
          + "or allow each in .ci/allowed-skips (or --allow 'TEST=why') with the reason");
      System.exit(1);
    }
  }

  static Allow allow(String text, String why) {
    String regex = Pattern.quote(text).replace("*", "\\E.*\\Q");
    return new Allow(Pattern.compile(regex), text, why);
  }

  static void usage(String problem) {
    System.err.println("[skip-check] " + problem);
    System.err.println("usage: java .ci/SkipCheck.java [--allow-file F] [--allow 'PATTERN=why']... [ROOT]");
    System.exit(2);
  }
}
