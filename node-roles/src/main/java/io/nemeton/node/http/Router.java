package io.nemeton.node.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Maps a method and a path to an {@link Endpoint}. Templates are literal segments and {@code
 * {name}} parameters; a trailing slash is ignored, as Druid's paths accept both forms. A path that
 * matches no template is a 404; one that matches only with other methods is a 405 naming them in
 * {@code Allow}. Built once, then read by any number of threads.
 */
final class Router {
  private final List<Route> routes = new ArrayList<>();

  /** Adds a route; earlier routes win over later ones for the same path. */
  Router add(String method, String template, Endpoint endpoint) {
    routes.add(new Route(method, segments(template), endpoint));
    return this;
  }

  /** The endpoint and path parameters for a request. */
  Match match(String method, String path) {
    final String[] parts = segments(path);
    final TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      final Map<String, String> parameters = route.match(parts);
      if (parameters == null) {
        continue;
      }
      if (route.method().equals(method)) {
        return new Match(route.endpoint(), parameters);
      }
      allowed.add(route.method());
    }
    if (allowed.isEmpty()) {
      throw HttpError.notFound("no resource at path " + path);
    }
    final String allow = String.join(", ", allowed);
    throw new HttpError(405, "Method not allowed", "method " + method + " is not allowed on " + path
        + "; allowed: " + allow, Map.of("Allow", allow));
  }

  private static String[] segments(String path) {
    final List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts.toArray(new String[0]);
  }

  record Match(Endpoint endpoint, Map<String, String> parameters) {}

  private record Route(String method, String[] template, Endpoint endpoint) {
    Map<String, String> match(String[] parts) {
      if (parts.length != template.length) {
        return null;
      }
      Map<String, String> parameters = Map.of();
      for (int i = 0; i < parts.length; i++) {
        final String expected = template[i];
        if (expected.startsWith("{") && expected.endsWith("}")) {
          if (parameters.isEmpty()) {
            parameters = new LinkedHashMap<>();
          }
          parameters.put(expected.substring(1, expected.length() - 1), parts[i]);
        } else if (!expected.equals(parts[i])) {
          return null;
        }
      }
      return parameters;
    }
  }
}
