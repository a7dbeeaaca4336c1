package org.slf4j.impl;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MarkerIgnoringBase;
import org.slf4j.helpers.MessageFormatter;

/**
 * One SLF4J logger writing to the JDK logger of the same name (where {@link System.Logger}, which
 * Nemeton logs through, also writes), named as the record's source so a line says which ZooKeeper or
 * Curator class spoke. SLF4J's info maps to FINE: ZooKeeper and Curator narrate every connection at
 * info, which would drown Nemeton's own INFO lines; their warnings and errors stay WARNING and
 * SEVERE. Thread-safe.
 */
final class SystemLoggerAdapter extends MarkerIgnoringBase {
  private static final long serialVersionUID = 1L;

  private final transient Logger target;

  SystemLoggerAdapter(String name) {
    this.name = name;
    this.target = Logger.getLogger(name);
  }

  private void log(Level level, String format, Object... arguments) {
    if (target.isLoggable(level)) {
      final FormattingTuple message = MessageFormatter.arrayFormat(format, arguments);
      target.logp(level, name, null, message.getMessage(), message.getThrowable());
    }
  }

  private void log(Level level, String message, Throwable error) {
    if (target.isLoggable(level)) {
      target.logp(level, name, null, message, error);
    }
  }

  @Override
  public boolean isTraceEnabled() {
    return target.isLoggable(Level.FINEST);
  }

  @Override
  public void trace(String message) {
    log(Level.FINEST, message, (Throwable) null);
  }

  @Override
  public void trace(String format, Object argument) {
    log(Level.FINEST, format, new Object[] {argument});
  }

  @Override
  public void trace(String format, Object first, Object second) {
    log(Level.FINEST, format, new Object[] {first, second});
  }

  @Override
  public void trace(String format, Object... arguments) {
    log(Level.FINEST, format, arguments);
  }

  @Override
  public void trace(String message, Throwable error) {
    log(Level.FINEST, message, error);
  }

  @Override
  public boolean isDebugEnabled() {
    return target.isLoggable(Level.FINE);
  }

  @Override
  public void debug(String message) {
    log(Level.FINE, message, (Throwable) null);
  }

  @Override
  public void debug(String format, Object argument) {
    log(Level.FINE, format, new Object[] {argument});
  }

  @Override
  public void debug(String format, Object first, Object second) {
    log(Level.FINE, format, new Object[] {first, second});
  }

  @Override
  public void debug(String format, Object... arguments) {
    log(Level.FINE, format, arguments);
  }

  @Override
  public void debug(String message, Throwable error) {
    log(Level.FINE, message, error);
  }

  @Override
  public boolean isInfoEnabled() {
    return target.isLoggable(Level.FINE);
  }

  @Override
  public void info(String message) {
    log(Level.FINE, message, (Throwable) null);
  }

  @Override
  public void info(String format, Object argument) {
    log(Level.FINE, format, new Object[] {argument});
  }

  @Override
  public void info(String format, Object first, Object second) {
    log(Level.FINE, format, new Object[] {first, second});
  }

  @Override
  public void info(String format, Object... arguments) {
    log(Level.FINE, format, arguments);
  }

  @Override
  public void info(String message, Throwable error) {
    log(Level.FINE, message, error);
  }

  @Override
  public boolean isWarnEnabled() {
    return target.isLoggable(Level.WARNING);
  }

  @Override
  public void warn(String message) {
    log(Level.WARNING, message, (Throwable) null);
  }

  @Override
  public void warn(String format, Object argument) {
    log(Level.WARNING, format, new Object[] {argument});
  }

  @Override
  public void warn(String format, Object first, Object second) {
    log(Level.WARNING, format, new Object[] {first, second});
  }

  @Override
  public void warn(String format, Object... arguments) {
    log(Level.WARNING, format, arguments);
  }

  @Override
  public void warn(String message, Throwable error) {
    log(Level.WARNING, message, error);
  }

  @Override
  public boolean isErrorEnabled() {
    return target.isLoggable(Level.SEVERE);
  }

  @Override
  public void error(String message) {
    log(Level.SEVERE, message, (Throwable) null);
  }

  @Override
  public void error(String format, Object argument) {
    log(Level.SEVERE, format, new Object[] {argument});
  }

  @Override
  public void error(String format, Object first, Object second) {
    log(Level.SEVERE, format, new Object[] {first, second});
  }

  @Override
  public void error(String format, Object... arguments) {
    log(Level.SEVERE, format, arguments);
  }

  @Override
  public void error(String message, Throwable error) {
    log(Level.SEVERE, message, error);
  }
}
