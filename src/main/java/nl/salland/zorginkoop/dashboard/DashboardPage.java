package nl.salland.zorginkoop.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Serves the dashboard page (static files under /dashboard/) and tells it who is logged in. */
@Controller
public class DashboardPage {

  @GetMapping({"/dashboard", "/dashboard/"})
  public String page() {
    return "forward:/dashboard/index.html";
  }

  /** The logged-in user and the CSRF token the page needs for its logout form. */
  @GetMapping("/dashboard/session")
  @ResponseBody
  public Map<String, Object> session(Authentication user, HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    return Map.of("user", user.getName(), "groups", groups,
        "csrf", Map.of("parameterName", csrf.getParameterName(), "token", csrf.getToken()));
  }
}
