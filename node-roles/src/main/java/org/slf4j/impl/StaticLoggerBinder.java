package org.slf4j.impl;

import org.slf4j.ILoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * Binds SLF4J 1.7 (the logging API of ZooKeeper and Curator) to the JDK's logging, where the rest of
 * Nemeton logs ({@link System.Logger}), so their warnings land in the same log and SLF4J does not
 * print its "no binding" notice at start. SLF4J finds this class by its name. Thread-safe.
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {
  /** The SLF4J API version this binding is written against (read by SLF4J's version check). */
  public static String REQUESTED_API_VERSION = "1.6.99";

  private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();

  private final ILoggerFactory factory = SystemLoggerAdapter::new;

  private StaticLoggerBinder() {}

  public static StaticLoggerBinder getSingleton() {
    return SINGLETON;
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public String getLoggerFactoryClassStr() {
    return SystemLoggerAdapter.class.getName();
  }
}
