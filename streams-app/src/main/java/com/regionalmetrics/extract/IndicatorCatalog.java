package com.regionalmetrics.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The indicator catalog (resource extract/indicators.tsv): ids, labels, aliases, units. */
public final class IndicatorCatalog {

  /** One catalogued indicator. */
  public record Indicator(String id, String label, String category, String unit, List<String> aliases) {}

  private record Alias(String text, Indicator indicator) {}

  private final List<Indicator> indicators;
  private final List<Alias> aliases; // longest first

  private IndicatorCatalog(List<Indicator> indicators) {
    this.indicators = List.copyOf(indicators);
    List<Alias> as = new ArrayList<>();
    for (Indicator ind : indicators) {
      for (String a : ind.aliases()) {
        as.add(new Alias(a, ind));
      }
    }
    as.sort(Comparator.comparingInt((Alias a) -> a.text().length()).reversed());
    this.aliases = List.copyOf(as);
  }

  public static IndicatorCatalog load() {
    try (InputStream in = IndicatorCatalog.class.getResourceAsStream("/extract/indicators.tsv")) {
      if (in == null) {
        throw new IllegalStateException("resource /extract/indicators.tsv missing");
      }
      List<Indicator> list = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length < 5) {
          throw new IllegalStateException("bad indicators.tsv line: " + line);
        }
        List<String> al = new ArrayList<>();
        al.add(f[1]);
        for (String a : f[4].split("\\|")) {
          if (!a.isBlank() && !al.contains(a.strip())) {
            al.add(a.strip());
          }
        }
        list.add(new Indicator(f[0], f[1], f[2], f[3], List.copyOf(al)));
      }
      return new IndicatorCatalog(list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Indicator> indicators() {
    return indicators;
  }

  /**
   * The indicator whose longest alias occurs in the label and whose unit agrees ({@code unit} null
   * = any unit, for relative changes).
   */
  public Optional<Indicator> match(String label, String unit) {
    if (label == null || label.isEmpty()) {
      return Optional.empty();
    }
    for (Alias a : aliases) {
      if (label.contains(a.text()) && (unit == null || unit.equals(a.indicator().unit()))) {
        return Optional.of(a.indicator());
      }
    }
    return Optional.empty();
  }

  /** Derived id for an uncatalogued quantity: "x." + label without '|', '/', whitespace. */
  public static String derivedId(String label) {
    StringBuilder b = new StringBuilder("x.");
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c != '|' && c != '/' && !Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
