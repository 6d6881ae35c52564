package landwatch.upload;

import static org.springframework.http.HttpMethod.GET;

import landwatch.user.AccessRules;
import landwatch.user.EndpointAccess;
import org.springframework.stereotype.Component;

/** An import's progress is its uploader's alone ({@code ImportProgressController}). */
@Component
class UploadAccess implements EndpointAccess {

  @Override
  public void declare(AccessRules rules) {
    rules.signedIn(GET, "/api/imports/*", "/api/imports/*/report");
  }
}
