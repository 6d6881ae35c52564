package landwatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import landwatch.user.Caller;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail as an admin reads it ({@code GET /api/audit}). Test classes share one database
 * and run one after another, so "what this request recorded" is what was appended after a {@link
 * #mark}.
 */
public final class AuditRecords {

  private AuditRecords() {}

  /** The newest record's id: everything appended later has a larger one. */
  public static long mark(JdbcTemplate jdbc) {
    return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
  }

  /** {@code GET /api/audit} with filters given as name, value pairs; the page's JSON. */
  public static JsonNode search(Caller reader, String... filters) {
    StringBuilder query = new StringBuilder("/api/audit?");
    for (int i = 0; i < filters.length; i += 2) {
      query
          .append(i == 0 ? "" : "&")
          .append(filters[i])
          .append('=')
          .append(URLEncoder.encode(filters[i + 1], StandardCharsets.UTF_8));
    }
    Caller.Reply reply = reader.get(query.toString());
    if (reply.status() != 200) {
      throw new AssertionError("GET " + query + " answered " + reply);
    }
    return reply.json();
  }

  /** The records appended after {@code mark} that match the filters, oldest first. */
  public static List<JsonNode> since(Caller reader, long mark, String... filters) {
    String[] paged = new String[filters.length + 2];
    System.arraycopy(filters, 0, paged, 0, filters.length);
    paged[filters.length] = "size";
    paged[filters.length + 1] = "500";
    List<JsonNode> records = new ArrayList<>();
    for (JsonNode record : search(reader, paged).path("items")) {
      if (record.path("id").asLong() > mark) {
        records.add(record);
      }
    }
    records.sort(Comparator.comparingLong(record -> record.path("id").asLong()));
    return records;
  }
}
