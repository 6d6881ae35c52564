package landwatch.user;

import java.util.List;
import java.util.Map;
import landwatch.app.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins manage users ({@code CoreAccess}: ADMIN only); every change is audited. */
@RestController
@RequestMapping("/api/users")
class UserController {

  private static final int MAX_PAGE_SIZE = 500;

  private final UserAdministration users;

  UserController(UserAdministration users) {
    this.users = users;
  }

  @GetMapping
  List<UserAccount> search(
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) Role role,
      @RequestParam(required = false) Boolean enabled,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    Paging.check(page, size, MAX_PAGE_SIZE);
    return users.search(unit, role, enabled, page, size);
  }

  @GetMapping("/{username}")
  UserAccount one(@PathVariable String username) {
    return users.get(username);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  IssuedPassword create(@RequestBody NewUser user) {
    return users.create(user);
  }

  @PatchMapping("/{username}")
  UserAccount change(@PathVariable String username, @RequestBody UserChange change) {
    return users.change(username, change);
  }

  @PostMapping("/{username}/disable")
  UserAccount disable(@PathVariable String username) {
    return users.setEnabled(username, false);
  }

  /** Also ends a lock-out. */
  @PostMapping("/{username}/enable")
  UserAccount enable(@PathVariable String username) {
    return users.setEnabled(username, true);
  }

  /** {@code {"password": "…"}}, or no body for a generated one. */
  @PostMapping("/{username}/password")
  IssuedPassword resetPassword(
      @PathVariable String username, @RequestBody(required = false) Map<String, String> body) {
    return users.resetPassword(username, body == null ? null : body.get("password"));
  }
}
