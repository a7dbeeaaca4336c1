package org.slf4j.impl;

import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/**
 * SLF4J's diagnostic-context binding: none (Nemeton's logs carry no per-thread context), named so
 * SLF4J finds it instead of printing a notice. Thread-safe.
 */
public final class StaticMDCBinder {
  public static final StaticMDCBinder SINGLETON = new StaticMDCBinder();

  private final MDCAdapter adapter = new NOPMDCAdapter();

  private StaticMDCBinder() {}

  public static StaticMDCBinder getSingleton() {
    return SINGLETON;
  }

  public MDCAdapter getMDCA() {
    return adapter;
  }

  public String getMDCAdapterClassStr() {
    return NOPMDCAdapter.class.getName();
  }
}
