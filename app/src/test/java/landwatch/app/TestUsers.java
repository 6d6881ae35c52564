package landwatch.app;

import org.springframework.boot.test.web.client.TestRestTemplate;

/** The administrator every test context starts with (test application.yml). */
public final class TestUsers {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "test-admin-password";

  private TestUsers() {}

  public static TestRestTemplate admin(TestRestTemplate anonymous) {
    return anonymous.withBasicAuth(ADMIN, ADMIN_PASSWORD);
  }
}
