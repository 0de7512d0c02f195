package com.regionalmetrics.extract;

import java.util.List;
import java.util.Optional;

/** Chinese administrative divisions with GB/T 2260 codes, and the regional groupings. */
public final class Gazetteer {

  public static Gazetteer load() {
    return new Gazetteer();
  }

  /** Looks a region up by short name, full name or code. */
  public Optional<Region> lookup(String nameOrCode) {
    return Optional.empty();
  }

  /** Regions named in the text, left to right, longest match first, non-overlapping. */
  public List<RegionMention> find(String text) {
    return List.of();
  }

  public Optional<Region> parent(Region region) {
    return Optional.empty();
  }
}
