package nl.salland.zorginkoop.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The Dutch login page of the dashboard (Spring Security's form login posts to /login). */
@Controller
public class LoginPage {

  @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  public String login(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    boolean failed = request.getParameter("error") != null;
    boolean loggedOut = request.getParameter("logout") != null;
    return """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
          <meta charset="utf-8">
          <title>Inloggen · Zorginkoop</title>
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <link rel="stylesheet" href="/dashboard/dashboard.css">
        </head>
        <body class="login">
          <main>
            <h1>Zorginkoop</h1>
            <p>Log in met uw Camunda-gebruiker.</p>
            %s
            <form method="post" action="/login">
              <label for="username">Gebruikersnaam</label>
              <input id="username" name="username" autocomplete="username" required autofocus>
              <label for="password">Wachtwoord</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <input type="hidden" name="%s" value="%s">
              <button type="submit">Inloggen</button>
            </form>
          </main>
        </body>
        </html>
        """.formatted(
        failed ? "<p class=\"error\" role=\"alert\">Onjuiste gebruikersnaam of wachtwoord.</p>"
            : loggedOut ? "<p class=\"notice\">U bent uitgelogd.</p>" : "",
        HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
  }
}
