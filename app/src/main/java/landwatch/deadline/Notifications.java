package landwatch.deadline;

import java.util.List;
import org.springframework.stereotype.Component;

/** Sends each notice through every {@link Notifier} there is. */
@Component
public class Notifications {

  private final List<Notifier> notifiers;

  Notifications(List<Notifier> notifiers) {
    this.notifiers = List.copyOf(notifiers);
  }

  public void send(List<Notice> notices) {
    for (Notice notice : notices) {
      notifiers.forEach(notifier -> notifier.send(notice));
    }
  }
}
