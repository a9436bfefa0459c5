package nl.salland.zorginkoop.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@code /engine-rest/**} requires HTTP Basic authentication against Camunda's identity service (the same users as
 * the webapps). The engine then checks the user's authorizations on every call.
 */
@Configuration
public class EngineRestAuthentication {

  /** Runs before every other filter on the REST API, so an anonymous request gets a 401 and nothing else. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new EveryRequestAuthenticated());
    registration.setName("engineRestAuthentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    registration.setOrder(ORDER);
    return registration;
  }

  /** Camunda's filter lets {@code GET /engine} (the list of engine names) through anonymously; we do not. */
  static class EveryRequestAuthenticated extends ProcessEngineAuthenticationFilter {
    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }
  }
}
