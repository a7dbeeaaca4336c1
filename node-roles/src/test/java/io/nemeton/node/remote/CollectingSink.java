package io.nemeton.node.remote;

import io.nemeton.transport.ResultSink;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;

/** A result sink for handler tests: keeps a copy of every result sent; a failure fails the test. */
final class CollectingSink implements ResultSink {
  final List<byte[]> results = new ArrayList<>();
  boolean completed;

  @Override
  public void sendPartial(DirectBuffer buffer, int offset, int length) {
    final byte[] copy = new byte[length];
    buffer.getBytes(offset, copy);
    results.add(copy);
  }

  @Override
  public void sendPartial(byte[] result) {
    results.add(result.clone());
  }

  @Override
  public void sendLast(DirectBuffer buffer, int offset, int length) {
    sendPartial(buffer, offset, length);
    completed = true;
  }

  @Override
  public void sendLast(byte[] result) {
    sendPartial(result);
    completed = true;
  }

  @Override
  public void complete() {
    completed = true;
  }

  @Override
  public void fail(String errorCode, String errorClass, String message) {
    throw new AssertionError(errorCode + " " + errorClass + ": " + message);
  }

  @Override
  public boolean isCancelled() {
    return false;
  }
}
