package landwatch.deadline;

/**
 * Delivers notices. The in-app one is always there; an e-mail or SMS sender is another bean of this
 * type. Called inside the transaction that records what happened, so a sender that talks to the
 * outside world should queue there and send after commit.
 */
public interface Notifier {

  void send(Notice notice);
}
