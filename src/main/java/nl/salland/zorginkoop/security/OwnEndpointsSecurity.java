package nl.salland.zorginkoop.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security guards only our own endpoints: the managers' dashboard ({@code /dashboard}, form login) and our
 * API ({@code /api/**}, HTTP Basic or the dashboard's session). Camunda guards its own: {@code /engine-rest/**} through
 * {@link EngineRestAuthentication} and the webapps under {@code /camunda/**} with their login and CSRF filter; no
 * chain here matches those paths, so Spring Security leaves them alone. The built-in simulator of the default profile
 * ({@code /simulator/**}) stands in for outside systems and needs no login.
 */
@Configuration
@EnableWebSecurity
public class OwnEndpointsSecurity {

  @Bean
  SecurityFilterChain ownEndpoints(HttpSecurity http, IdentityService identityService) throws Exception {
    String[] staffAndAdmins = staffAndAdmins();
    String[] readers = {Groups.MANAGERS, Groups.PROCESS_OWNERS, Groups.ADMINS};
    http.securityMatcher("/api/**", "/dashboard", "/dashboard/**", "/login", "/logout")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/login").permitAll()
            .requestMatchers("/dashboard/dashboard.css").permitAll()
            .requestMatchers("/dashboard", "/dashboard/**", "/api/deadlines", "/api/deadlines.csv")
            .hasAnyAuthority(readers)
            // Called by the VECOZO adapter as a technical user (and by administrators), not by staff.
            .requestMatchers("/api/vecozo/**").hasAnyAuthority(Groups.SYSTEM_INTEGRATIONS, Groups.ADMINS)
            .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
            .requestMatchers("/api/**").hasAnyAuthority(staffAndAdmins)
            .anyRequest().authenticated())
        .httpBasic(withDefaults())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/dashboard/", false))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        // The API answers a missing login with 401 and a Basic challenge; the dashboard sends people to /login.
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(basicChallenge(), PathPatternRequestMatcher.withDefaults()
                .matcher("/api/**"))
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                PathPatternRequestMatcher.withDefaults().matcher("/dashboard/**")))
        // The API is for machines (HTTP Basic, JSON bodies only, so no cross-site form can reach it); the
        // dashboard's own forms keep CSRF protection.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
        .addFilterAfter(new EngineIdentityBinding(identityService), AuthorizationFilter.class);
    return http.build();
  }

  private static BasicAuthenticationEntryPoint basicChallenge() {
    BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName("zorginkoop");
    return entryPoint;
  }

  private static String[] staffAndAdmins() {
    List<String> groups = new ArrayList<>(Groups.staffGroups());
    groups.add(Groups.ADMINS);
    return groups.toArray(String[]::new);
  }
}
