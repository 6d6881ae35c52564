package landwatch.engine.conformance;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A minimal application hosting the engine the way the Landwatch app does: the engine arrives
 * through its auto-configuration, backed by a real PostgreSQL.
 */
@SpringBootApplication
public class EngineTestApplication {

  /** {@code engine.test.jdbc-url} gives an engine its own database: two engines never share one. */
  @Bean
  DataSource dataSource(Environment environment) {
    String url = environment.getProperty("engine.test.jdbc-url");
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url != null ? url : TestPostgres.jdbcUrl());
    dataSource.setUsername("postgres");
    dataSource.setPassword("postgres");
    dataSource.setMaximumPoolSize(20);
    return dataSource;
  }

  public static void main(String[] args) {
    SpringApplication.run(EngineTestApplication.class, args);
  }
}
