package nl.salland.zorginkoop.validation;

import nl.salland.zorginkoop.security.EngineRestAuthentication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class EngineRestInputConfig {

  /** After authentication: an anonymous caller learns nothing, not even which input is wrong. */
  @Bean
  FilterRegistrationBean<EngineRestInputFilter> engineRestInputFilter(ProcessEngine engine) {
    CommandExecutor commands =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    FilterRegistrationBean<EngineRestInputFilter> registration =
        new FilterRegistrationBean<>(new EngineRestInputFilter(commands));
    registration.setName("engineRestInput");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(EngineRestAuthentication.ORDER + 1);
    return registration;
  }
}
