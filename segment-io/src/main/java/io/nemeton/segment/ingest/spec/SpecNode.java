package io.nemeton.segment.ingest.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON spec node that knows its path, so every validation error names the field, the value and
 * the rule. Absent and JSON {@code null} fields are treated alike (Druid's defaults apply).
 *
 * <p>Immutable; not meant for use outside spec parsing.
 */
final class SpecNode {
  private final JsonNode node;
  private final String path;

  SpecNode(JsonNode node, String path) {
    this.node = node == null ? MissingNode.getInstance() : node;
    this.path = path;
  }

  JsonNode json() {
    return node;
  }

  String path() {
    return path;
  }

  String path(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  boolean isMissing() {
    return node.isMissingNode() || node.isNull();
  }

  boolean has(String name) {
    return !child(name).isMissing();
  }

  SpecNode child(String name) {
    return new SpecNode(node.get(name), path(name));
  }

  /** A child that must be an object when present. */
  SpecNode object(String name) {
    final SpecNode child = child(name);
    if (!child.isMissing() && !child.node.isObject()) {
      throw child.invalid("must be a JSON object");
    }
    return child;
  }

  /** A child that must be an object. */
  SpecNode requiredObject(String name) {
    final SpecNode child = object(name);
    if (child.isMissing()) {
      throw child.missing("a JSON object");
    }
    return child;
  }

  /** The elements of an array child; empty when absent. */
  List<SpecNode> array(String name) {
    final SpecNode child = child(name);
    final List<SpecNode> elements = new ArrayList<>();
    if (child.isMissing()) {
      return elements;
    }
    if (!child.node.isArray()) {
      throw child.invalid("must be a JSON array");
    }
    for (int i = 0; i < child.node.size(); i++) {
      elements.add(new SpecNode(child.node.get(i), child.path + "[" + i + "]"));
    }
    return elements;
  }

  String text(String name, String defaultValue) {
    final SpecNode child = child(name);
    if (child.isMissing()) {
      return defaultValue;
    }
    if (!child.node.isTextual()) {
      throw child.invalid("must be a string");
    }
    return child.node.asText();
  }

  String requiredText(String name) {
    final String value = text(name, null);
    if (value == null || value.isEmpty()) {
      throw child(name).missing("a non-empty string");
    }
    return value;
  }

  /** This node's own text; it must be a string. */
  String asText() {
    if (!node.isTextual()) {
      throw invalid("must be a string");
    }
    return node.asText();
  }

  boolean bool(String name, boolean defaultValue) {
    final SpecNode child = child(name);
    if (child.isMissing()) {
      return defaultValue;
    }
    if (child.node.isBoolean()) {
      return child.node.booleanValue();
    }
    if (child.node.isTextual() && (child.node.asText().equals("true") || child.node.asText().equals("false"))) {
      return Boolean.parseBoolean(child.node.asText());
    }
    throw child.invalid("must be true or false");
  }

  long integer(String name, long defaultValue, long min, long max) {
    final SpecNode child = child(name);
    if (child.isMissing()) {
      return defaultValue;
    }
    long value;
    if (child.node.isIntegralNumber() && child.node.canConvertToLong()) {
      value = child.node.longValue();
    } else if (child.node.isTextual()) {
      try {
        value = Long.parseLong(child.node.asText().trim());
      } catch (NumberFormatException e) {
        throw child.invalid("must be an integer between " + min + " and " + max);
      }
    } else {
      throw child.invalid("must be an integer between " + min + " and " + max);
    }
    if (value < min || value > max) {
      throw child.invalid("must be between " + min + " and " + max);
    }
    return value;
  }

  /** An error about this node's present value. */
  IngestSpecException invalid(String rule) {
    return new IngestSpecException(path + "=" + node + ": " + rule);
  }

  /** An error about this node being absent. */
  IngestSpecException missing(String what) {
    return new IngestSpecException(path + " is required: " + what);
  }
}
