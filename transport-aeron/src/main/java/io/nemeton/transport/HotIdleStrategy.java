package io.nemeton.transport;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;

/**
 * The idle strategy of every agent thread of the transport (media driver, query client, query
 * server) and of threads waiting out back-pressure: a bounded duty cycle that stays responsive
 * while traffic flows and costs nothing when it stops.
 *
 * <p>After work it spins a few times, yields a few times, then parks for {@code hotParkNs} at a
 * time while the last work is less than {@code hotWindowNs} old, so a message arriving between two
 * queries waits tens of microseconds, not a millisecond. Past the window the parks double up to
 * {@code maxParkNs}, so an idle node wakes rarely. A plain exponential backoff (spin, yield, then
 * parks doubling from a microsecond) reaches its longest park about a millisecond after the last
 * message, which is exactly the gap between two queries of one client: each of the half-dozen agents
 * on a query's path then adds up to its longest park.
 *
 * <p>An agent that reads an Aeron IPC stream gets a {@link Doorbell} ({@link #withDoorbell}):
 * after a short spin it sleeps on it until a writer rings, instead of parking in short slices.
 *
 * <p>Not thread-safe (one per agent thread); allocates nothing.
 */
public final class HotIdleStrategy implements IdleStrategy {
  /** Parks while hot, from {@code nemeton.transport.hotParkMicros} (default 20). */
  static final long HOT_PARK_NS = 1_000L * Long.getLong("nemeton.transport.hotParkMicros", 20);
  /** How long after the last work parks stay short, from {@code nemeton.transport.hotWindowMs} (default 20). */
  static final long HOT_WINDOW_NS = 1_000_000L * Long.getLong("nemeton.transport.hotWindowMs", 20);

  /**
   * With a doorbell: how long after the last work the agent keeps polling (yielding between polls)
   * before it sleeps on the doorbell, from {@code nemeton.transport.spinMicros} (default 20).
   */
  static final long DOORBELL_SPIN_NS = 1_000L * Long.getLong("nemeton.transport.spinMicros", 20);
  /**
   * The longest park of an agent with no peer (a server no client is connected to, a client with no
   * connection), from {@code nemeton.transport.peerlessParkMicros} (default 20,000): such an agent
   * only waits for a first HELLO or a command, so it need not wake a thousand times a second (a
   * node on a shared driver keeps idle UDP agents beside its IPC ones).
   */
  static final long PEERLESS_PARK_NS = 1_000L * Long.getLong("nemeton.transport.peerlessParkMicros", 20_000);
  /** Whether IPC readers sleep on a {@link Doorbell} when idle, from {@code nemeton.transport.doorbell} (default true). */
  static final boolean DOORBELLS = !"false".equals(System.getProperty("nemeton.transport.doorbell"));

  private static final int SPINS = 20;
  private static final int YIELDS = 5;
  private static final long MIN_COLD_PARK_NS = 1_000;

  private final long hotParkNs;
  private final long hotWindowNs;
  private final long maxParkNs;
  private int spins;
  private int yields;
  private long idleSinceNs;
  private long coldParkNs = MIN_COLD_PARK_NS;
  private Doorbell doorbell;
  private AtomicInteger pollers;
  private boolean armed;
  private boolean peerless;

  /**
   * @param hotParkNs park while hot, at least 1 and at most {@code maxParkNs}
   * @param hotWindowNs how long after the last work parks stay at {@code hotParkNs} (0: never)
   * @param maxParkNs the longest park once cold
   */
  public HotIdleStrategy(long hotParkNs, long hotWindowNs, long maxParkNs) {
    if (maxParkNs < 1 || hotParkNs < 1 || hotParkNs > maxParkNs || hotWindowNs < 0) {
      throw new IllegalArgumentException("idle strategy hotParkNs=" + hotParkNs + " hotWindowNs=" + hotWindowNs
          + " maxParkNs=" + maxParkNs + ": need 1 <= hotParkNs <= maxParkNs and hotWindowNs >= 0");
    }
    this.hotParkNs = hotParkNs;
    this.hotWindowNs = hotWindowNs;
    this.maxParkNs = maxParkNs;
  }

  /** The transport's default: hot parks and window from the system properties above, then up to {@code maxParkNs}. */
  public static HotIdleStrategy withMaxPark(long maxParkNs) {
    return new HotIdleStrategy(Math.min(HOT_PARK_NS, maxParkNs), HOT_WINDOW_NS, maxParkNs);
  }

  /**
   * Sleeps on {@code doorbell} instead of parking once the short spin is over: the agent then costs
   * no CPU while idle and wakes when a sender rings (or after {@code maxParkNs}, for its timers).
   * Between announcing the sleep and sleeping, the idle strategy returns once so that the agent
   * polls again ({@link Doorbell}). While {@code pollers} (may be null) counts another thread
   * polling the same stream, it parks for {@code hotParkNs} instead: that thread reads the
   * answers, and a sleeping agent would only be rung awake for nothing. Returns this.
   */
  HotIdleStrategy withDoorbell(Doorbell doorbell, AtomicInteger pollers) {
    this.doorbell = doorbell;
    this.pollers = pollers;
    return this;
  }

  /**
   * Tells whether the agent has no peer now ({@link #PEERLESS_PARK_NS}); its own thread calls it
   * each duty cycle. Parks once cold may then grow to that bound instead of {@code maxParkNs}.
   */
  public void peerless(boolean none) {
    peerless = none;
  }

  @Override
  public void idle(int workCount) {
    if (workCount > 0) {
      reset();
    } else {
      idle();
    }
  }

  @Override
  public void idle() {
    if (spins < SPINS) {
      if (spins++ == 0) {
        idleSinceNs = System.nanoTime();
      }
      Thread.onSpinWait();
    } else if (yields < YIELDS) {
      yields++;
      Thread.yield();
    } else if (doorbell != null) {
      idleOnDoorbell();
    } else if (System.nanoTime() - idleSinceNs < hotWindowNs) {
      LockSupport.parkNanos(hotParkNs);
    } else {
      final long longest = peerless ? Math.max(maxParkNs, PEERLESS_PARK_NS) : maxParkNs;
      LockSupport.parkNanos(Math.min(coldParkNs, longest));
      coldParkNs = Math.min(longest, coldParkNs << 1);
    }
  }

  private void idleOnDoorbell() {
    if (System.nanoTime() - idleSinceNs < DOORBELL_SPIN_NS) {
      Thread.yield();
    } else if (pollers != null && pollers.get() > 0) {
      if (armed) {
        doorbell.disarm();
        armed = false;
      }
      LockSupport.parkNanos(hotParkNs);
    } else if (!armed) {
      doorbell.arm();
      armed = true; // the agent polls once more before the next call sleeps
    } else {
      doorbell.await(peerless ? Math.max(maxParkNs, PEERLESS_PARK_NS) : maxParkNs);
      doorbell.disarm();
      armed = false;
      spins = 0;
      yields = 0;
    }
  }

  @Override
  public void reset() {
    if (armed) {
      doorbell.disarm();
      armed = false;
    }
    spins = 0;
    yields = 0;
    coldParkNs = MIN_COLD_PARK_NS;
  }

  @Override
  public String alias() {
    return "hot-backoff";
  }
}
