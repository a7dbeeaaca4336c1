package io.nemeton.metadata;

import io.nemeton.metadata.internal.Require;

/**
 * Who changed a rule or config, why and from where, as Druid's {@code X-Druid-Author} and
 * {@code X-Druid-Comment} headers and the client address give it. Null fields become empty
 * strings. Immutable.
 */
public record AuditInfo(String author, String comment, String remoteAddress) {
  public static final int MAX_CHARS = 4096;

  public AuditInfo {
    author = Require.text("audit author", author == null ? "" : author, MAX_CHARS, false);
    comment = Require.text("audit comment", comment == null ? "" : comment, MAX_CHARS, false);
    remoteAddress = Require.text("audit remoteAddress", remoteAddress == null ? "" : remoteAddress,
        MAX_CHARS, false);
  }
}
