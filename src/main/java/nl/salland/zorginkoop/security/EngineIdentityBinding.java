package nl.salland.zorginkoop.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the logged-in user the engine's current user for the request, so that engine queries made by our own
 * endpoints see exactly what the user may see in Cockpit.
 */
class EngineIdentityBinding extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineIdentityBinding(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    identityService.setAuthentication(user.getName(),
        user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
