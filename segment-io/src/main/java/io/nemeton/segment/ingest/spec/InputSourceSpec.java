package io.nemeton.segment.ingest.spec;

/** Where input rows come from: {@link LocalInputSource} files or {@link InlineInputSource} text. */
public sealed interface InputSourceSpec permits LocalInputSource, InlineInputSource {}
