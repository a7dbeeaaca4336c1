package io.nemeton.node.cluster;

import java.util.Map;

/** One running cluster role in this process. {@link #close()} stops it; thread-safe. */
public interface RoleNode extends AutoCloseable {

  /** The ports it listens on by name ({@code http}, {@code query}), as written to its ready file. */
  Map<String, Integer> ports();

  @Override
  void close();
}
