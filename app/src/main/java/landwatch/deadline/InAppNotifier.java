package landwatch.deadline;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Notices shown in the application, kept in {@code notification}. */
@Component
class InAppNotifier implements Notifier {

  private final JdbcTemplate jdbc;

  InAppNotifier(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void send(Notice notice) {
    jdbc.update(
        "INSERT INTO notification (recipient_group, kind, message, spot_id) VALUES (?, ?, ?, ?)",
        notice.recipientGroup(),
        notice.kind(),
        notice.message(),
        notice.spotId());
  }
}
