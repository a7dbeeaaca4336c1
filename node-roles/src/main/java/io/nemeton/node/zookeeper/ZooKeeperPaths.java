package io.nemeton.node.zookeeper;

import org.apache.curator.utils.ZKPaths;

/**
 * The znodes Nemeton uses, all under {@link #ROOT}:
 *
 * <pre>
 * /nemeton/nodes/historical/&lt;node&gt;          ephemeral: the node (host, ports, tier, maxSize)
 * /nemeton/segments/&lt;node&gt;/&lt;segmentId&gt;      ephemeral: a segment the node serves (its record)
 * /nemeton/loadQueue/&lt;node&gt;/&lt;segmentId&gt;     persistent: a load or drop instruction for the node
 * /nemeton/coordinator/leader               the coordinators' leader latch
 * </pre>
 *
 * Names are node names and Druid segment ids with {@code %} and {@code /} percent-escaped so any
 * name is one path element. Stateless.
 */
public final class ZooKeeperPaths {
  public static final String ROOT = "/nemeton";
  public static final String HISTORICALS = ROOT + "/nodes/historical";
  public static final String SEGMENTS = ROOT + "/segments";
  public static final String LOAD_QUEUE = ROOT + "/loadQueue";
  public static final String COORDINATOR_LEADER = ROOT + "/coordinator/leader";

  private ZooKeeperPaths() {}

  public static String historical(String node) {
    return ZKPaths.makePath(HISTORICALS, encode(node));
  }

  public static String servedSegments(String node) {
    return ZKPaths.makePath(SEGMENTS, encode(node));
  }

  public static String servedSegment(String node, String segmentId) {
    return ZKPaths.makePath(servedSegments(node), encode(segmentId));
  }

  public static String loadQueue(String node) {
    return ZKPaths.makePath(LOAD_QUEUE, encode(node));
  }

  public static String instruction(String node, String segmentId) {
    return ZKPaths.makePath(loadQueue(node), encode(segmentId));
  }

  /** A name as one path element: {@code %} becomes {@code %25}, {@code /} becomes {@code %2F}. */
  public static String encode(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("zookeeper name must not be empty, got '" + name + "'");
    }
    if (name.equals(".") || name.equals("..")) {
      return name.replace(".", "%2E");
    }
    if (name.indexOf('%') < 0 && name.indexOf('/') < 0) {
      return name;
    }
    return name.replace("%", "%25").replace("/", "%2F");
  }

  /** The inverse of {@link #encode}. */
  public static String decode(String element) {
    if (element.indexOf('%') < 0) {
      return element;
    }
    final StringBuilder out = new StringBuilder(element.length());
    for (int i = 0; i < element.length(); i++) {
      final char c = element.charAt(i);
      if (c == '%' && i + 2 < element.length()) {
        out.append((char) Integer.parseInt(element.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
