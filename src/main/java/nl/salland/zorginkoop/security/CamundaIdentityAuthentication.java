package nl.salland.zorginkoop.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs users into our own pages and endpoints ({@code /api/**}, {@code /dashboard}) with their Camunda user and
 * password; their Camunda groups become their authorities. One set of users for the webapps, the REST API and us.
 */
@Component
public class CamundaIdentityAuthentication implements AuthenticationProvider {

  private final IdentityService identityService;

  public CamundaIdentityAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord");
    }
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .map(SimpleGrantedAuthority::new)
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
