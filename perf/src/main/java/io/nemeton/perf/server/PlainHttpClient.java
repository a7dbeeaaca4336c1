package io.nemeton.perf.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The leanest HTTP/1.1 client a latency benchmark can use: one blocking keep-alive socket
 * (TCP_NODELAY), the request written in one call, the answer read on the calling thread. The JDK's
 * {@code HttpClient} hands every answer from its selector thread to an executor and then to the
 * caller, three threads per request; on a two-core host those hand-offs wait for cores that the
 * server's threads hold and add to the measured tail. Reads {@code Content-Length} and chunked
 * bodies. Not thread-safe (one per client thread); {@link #close()} when done.
 */
final class PlainHttpClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[] request;
  private final StringBuilder line = new StringBuilder();

  /** Connects to {@code uri}'s host and port and prepares the POST of {@code body} to its path. */
  PlainHttpClient(URI uri, String body) throws IOException {
    final byte[] content = body.getBytes(StandardCharsets.UTF_8);
    final byte[] head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
        + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    request = new byte[head.length + content.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(content, 0, request, head.length, content.length);
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
    socket.setSoTimeout(30_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
  }

  /** Posts the body and reads the whole answer; returns the status code. */
  int post() throws IOException {
    out.write(request);
    out.flush();
    final String status = readLine();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: " + status);
    }
    final int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      final int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      final String name = header.substring(0, colon).trim();
      final String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
        chunked = true;
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        close = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(readLine().split(";")[0].trim(), 16); size > 0;
          size = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
        skip(size);
        readLine();
      }
      for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
        // trailers are not used
      }
    } else if (length >= 0) {
      skip(length);
    } else {
      throw new IOException("answer without Content-Length or chunked body (status " + code + ")");
    }
    if (close) {
      throw new IOException("server closed the connection (status " + code + ")");
    }
    return code;
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      final long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed with " + left + " body bytes missing");
        }
        left--;
      } else {
        left -= skipped;
      }
    }
  }

  private String readLine() throws IOException {
    line.setLength(0);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-answer");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
