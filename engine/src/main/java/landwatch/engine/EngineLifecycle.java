package landwatch.engine;

import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Stops the engine before the web server's graceful shutdown waits for in-flight requests: the
 * engine answers its queued and parked requests at once (503, not applied), so the web server has
 * nothing to wait for. The engine itself starts earlier, when its bean is created, so that it
 * serves as soon as the web server accepts requests.
 */
final class EngineLifecycle implements SmartLifecycle {

  private final Engine engine;
  private volatile boolean running = true;

  EngineLifecycle(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    engine.close();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
  }
}
