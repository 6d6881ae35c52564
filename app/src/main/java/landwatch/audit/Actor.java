package landwatch.audit;

import java.util.List;

/** Who a record is attributed to: a signed-in principal tells its unit and roles. */
public interface Actor {

  String username();

  String unitCode();

  List<String> roleNames();
}
