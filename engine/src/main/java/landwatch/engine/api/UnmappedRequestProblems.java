package landwatch.engine.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An unknown {@code /v2} path, a wrong method or media type and an oversized upload fail before any
 * engine controller is chosen, so {@link EngineProblemAdvice}, scoped to the engine's controllers,
 * would not see them and the application's own handling would answer instead. This resolver, first
 * in line but only for {@code /v2}, hands them to Spring's exception handling as if the advice
 * itself had raised them: the advice's handlers then apply as a controller's own do. Requests
 * outside {@code /v2} and those an engine controller handles are left alone.
 */
public class UnmappedRequestProblems implements HandlerExceptionResolver, Ordered {

  private final HandlerExceptionResolver springResolvers;
  private final HandlerMethod advice;

  public UnmappedRequestProblems(
      HandlerExceptionResolver springResolvers, EngineProblemAdvice advice) {
    this.springResolvers = springResolvers;
    try {
      Method any =
          EngineProblemAdvice.class.getDeclaredMethod(
              "unexpected", Exception.class, HttpServletRequest.class);
      this.advice = new HandlerMethod(advice, any);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (handler instanceof HandlerMethod || !isEngineApi(request)) {
      return null;
    }
    return springResolvers.resolveException(request, response, advice, ex);
  }

  private static boolean isEngineApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/v2") || path.startsWith("/v2/");
  }

  /**
   * Before Spring's resolvers (order 0), after Boot's error attributes, which only record the
   * error.
   */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
