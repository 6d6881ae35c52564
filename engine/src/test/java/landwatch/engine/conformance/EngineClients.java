package landwatch.engine.conformance;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.net.URI;
import java.time.Duration;

/**
 * The client as the app builds it: REST only (no gRPC), basic auth, against an engine on this host.
 */
public final class EngineClients {

  private EngineClients() {}

  public static CamundaClient overRest(
      int port, String username, String password, Duration requestTimeout) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + port))
        .grpcAddress(URI.create("http://127.0.0.1:1"))
        .preferRestOverGrpc(true)
        .defaultRequestTimeout(requestTimeout)
        .credentialsProvider(
            CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                .username(username)
                .password(password)
                .build())
        .build();
  }
}
