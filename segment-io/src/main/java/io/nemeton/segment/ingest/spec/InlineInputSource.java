package io.nemeton.segment.ingest.spec;

import java.util.Objects;

/** Input given in the spec itself ({@code inputSource.data}), parsed with the input format. */
public record InlineInputSource(String data) implements InputSourceSpec {
  public InlineInputSource {
    Objects.requireNonNull(data, "data");
  }
}
