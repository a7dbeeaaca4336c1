package org.slf4j.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** SLF4J (ZooKeeper's and Curator's API) lands in the JDK log: levels mapped, messages formatted. */
class SystemLoggerAdapterTest {
  @Test
  void warningsAndErrorsReachTheJdkLogInfoStaysBelowIt() {
    final String name = "io.nemeton.test.slf4j";
    final List<LogRecord> records = new ArrayList<>();
    final Logger jdk = Logger.getLogger(name);
    final Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    jdk.addHandler(handler);
    jdk.setLevel(Level.INFO);
    try {
      final org.slf4j.Logger logger = LoggerFactory.getLogger(name);
      assertSame(SystemLoggerAdapter.class, logger.getClass());
      assertFalse(logger.isInfoEnabled(), "info maps to FINE, below the INFO threshold");
      logger.info("connected to {}", "127.0.0.1:2181");
      final IllegalStateException failure = new IllegalStateException("boom");
      logger.warn("session {} expired after {} ms", "0x1", 30000);
      logger.error("cannot reach {}", "quorum", failure);
      assertEquals(2, records.size(), "info dropped, warn and error kept");
      assertEquals(Level.WARNING, records.get(0).getLevel());
      assertEquals("session 0x1 expired after 30000 ms", records.get(0).getMessage());
      assertEquals(name, records.get(0).getSourceClassName());
      assertEquals(Level.SEVERE, records.get(1).getLevel());
      assertEquals("cannot reach quorum", records.get(1).getMessage());
      assertSame(failure, records.get(1).getThrown());
    } finally {
      jdk.removeHandler(handler);
      jdk.setLevel(null);
    }
  }
}
