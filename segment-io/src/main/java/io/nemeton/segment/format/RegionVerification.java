package io.nemeton.segment.format;

/** When an opened segment checks the CRC32C of its regions. */
public enum RegionVerification {
  /**
   * Header, table of contents and info at open; every other region the first time it is used.
   * Opening is cheap and a query pays only for the regions it reads.
   */
  ON_FIRST_USE,
  /** Every region at open, so a corrupt file is refused before it serves anything. */
  AT_OPEN
}
