package landwatch.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir where the embedded server keeps its cluster; survives restarts. Defaults to {@code
 *     pg} under {@code landwatch.data-dir}
 * @param port 0 picks a free port at every start
 * @param poolSize connections the application keeps open to it
 * @param schema the application's schema, first on every connection's search path
 */
@ConfigurationProperties("landwatch.postgres")
public record EmbeddedPostgresProperties(
    String dataDir,
    @DefaultValue("0") int port,
    @DefaultValue("20") int poolSize,
    @DefaultValue("landwatch") String schema) {}
