package io.nemeton.transport;

import java.nio.charset.StandardCharsets;

/**
 * A query server in a process of its own, on a media driver another process runs: {@code
 * SharedDriverServerMain <aeron directory> <ipc stream> <name>}. Answers {@code name:segment} per
 * segment, hangs on the query {@code hang} until cancelled, prints {@code ready} once it listens and
 * runs until killed. Started by {@link SharedDriverProcessTest}.
 */
public final class SharedDriverServerMain {
  private SharedDriverServerMain() {}

  public static void main(String[] args) throws Exception {
    final String name = args[2];
    final QueryServer server = QueryServer.start(QueryServerConfig.of(args[0], "aeron:ipc", Integer.parseInt(args[1]))
        .withServerName(name).withWorkers(2, 16).withHeartbeat(100, 500), (request, sink) -> {
          if (request.queryText().equals("hang")) {
            while (!sink.isCancelled()) {
              java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            return;
          }
          for (String segment : request.segmentIds()) {
            sink.sendPartial((name + ":" + segment).getBytes(StandardCharsets.UTF_8));
          }
          sink.complete();
        });
    System.out.println("ready " + server.channel());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
