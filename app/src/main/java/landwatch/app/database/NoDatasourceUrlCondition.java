package landwatch.app.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when {@code spring.datasource.url} is absent or blank: then the embedded server is ours to
 * run.
 */
class NoDatasourceUrlCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
  }
}
