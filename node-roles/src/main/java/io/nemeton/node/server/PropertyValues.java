package io.nemeton.node.server;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads validated values from a node's properties, one key at a time, falling back to the
 * defaults; a bad value fails with a message naming the property, the value and the rule.
 * Immutable; the maps are read, not copied.
 */
public record PropertyValues(Map<String, String> properties, Map<String, String> defaults) {

  public String raw(String key) {
    final String value = properties.get(key);
    return value == null ? defaults.get(key) : value.trim();
  }

  public String text(String key) {
    final String value = raw(key);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(key + "=\"\": must not be empty");
    }
    return value;
  }

  public long number(String key, long min, long max) {
    final String value = raw(key);
    final long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + value + ": must be a whole number between " + min + " and " + max);
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(key + "=" + value + ": must be between " + min + " and " + max);
    }
    return parsed;
  }

  public boolean bool(String key) {
    final String value = raw(key);
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + "=" + value + ": must be true or false");
    };
  }

  /** A path, resolved against {@code home} when relative. */
  public Path path(String key, Path home) {
    final String value = text(key);
    try {
      return home.resolve(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(key + "=" + value + ": not a valid path: " + e.getReason());
    }
  }
}
