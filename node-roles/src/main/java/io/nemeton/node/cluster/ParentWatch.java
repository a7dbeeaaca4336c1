package io.nemeton.node.cluster;

/**
 * Ends this process (through its shutdown hooks) when a given process ends: the children of
 * {@code nemeton cluster} watch it so none outlives it, even after a {@code kill -9}. Stateless.
 *
 * <p>A watched child also ignores SIGINT: a terminal's Ctrl-C reaches the whole process group,
 * and if every child stopped on it at once, ZooKeeper would be gone before the role processes
 * deregistered, each then waiting out its ZooKeeper client's timeouts (about 10 s). The parent
 * stops them in order instead: role processes first, ZooKeeper last.
 */
final class ParentWatch {
  private ParentWatch() {}

  static void exitWhenGone(long pid) {
    sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    final var parent = ProcessHandle.of(pid);
    if (parent.isEmpty() || !parent.get().isAlive()) {
      System.err.println("nemeton: parent process " + pid + " is gone; stopping");
      System.exit(1);
    }
    // The JDK polls a process that is not its child; onExit completes when it is gone.
    parent.get().onExit().thenRun(() -> {
      System.err.println("nemeton: parent process " + pid + " ended; stopping");
      System.exit(0);
    });
  }
}
