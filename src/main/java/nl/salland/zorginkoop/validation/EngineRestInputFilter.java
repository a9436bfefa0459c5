package nl.salland.zorginkoop.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.salland.zorginkoop.validation.RequiredVariablesPlugin.Requirements;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks case variables sent to Camunda's REST API before the engine sees them, so that bad input gets a 400 that
 * names the variable (the engine would answer a failed start with a 500) and nothing is created: process starts and
 * task completions (required variables and formats, see {@link RequiredVariablesPlugin}), message correlations and
 * variable updates (formats). JSON bodies larger than {@link #MAX_BODY_BYTES} are refused.
 */
public class EngineRestInputFilter extends OncePerRequestFilter {

  public static final int MAX_BODY_BYTES = 1024 * 1024;
  /** Deployments carry diagrams, tables and forms: more room than case data. */
  public static final int MAX_DEPLOYMENT_BYTES = 20 * 1024 * 1024;

  private static final Pattern START = Pattern.compile(
      "^/process-definition/(?:key/(?<key>[^/]+)(?:/tenant-id/(?<tenant>[^/]+))?|(?<id>[^/]+))/(?:start|submit-form)$");
  private static final Pattern MESSAGE = Pattern.compile("^/message$");
  private static final Pattern DEPLOYMENT = Pattern.compile("^/deployment/create$");
  private static final Pattern TASK = Pattern.compile("^/task/(?<id>[^/]+)/(?:complete|submit-form|resolve)$");
  private static final Pattern INSTANCE_VARIABLES = Pattern.compile(
      "^/(?:process-instance|execution|task)/[^/]+/(?:variables|localVariables)$");

  private final CommandExecutor commands;
  private final ObjectMapper json = new ObjectMapper();

  /** {@code commands}: the engine's command executor, which applies the caller's authorizations. */
  public EngineRestInputFilter(CommandExecutor commands) {
    this.commands = commands;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String contentType = request.getContentType();
    return !"POST".equals(request.getMethod()) || contentType == null
        || !contentType.toLowerCase().startsWith("application/json") && !isDeployment(request);
  }

  private static boolean isDeployment(HttpServletRequest request) {
    return DEPLOYMENT.matcher(path(request)).matches()
        && request.getContentType().toLowerCase().startsWith("multipart/form-data");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length() + "/engine-rest".length());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean deployment = isDeployment(request);
    int limit = deployment ? MAX_DEPLOYMENT_BYTES : MAX_BODY_BYTES;
    byte[] body = request.getInputStream().readNBytes(limit + 1);
    if (body.length > limit) {
      refuse(response, List.of(new InvalidInputException("body", "is larger than " + limit + " bytes")));
      return;
    }
    List<InvalidInputException> problems = deployment ? DeploymentPrecheck.problems(request.getContentType(), body)
        : problems(path(request), body);
    if (!problems.isEmpty()) {
      refuse(response, problems);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private List<InvalidInputException> problems(String path, byte[] body) {
    JsonNode root;
    try {
      root = body.length == 0 ? json.createObjectNode() : json.readTree(body);
    } catch (IOException e) {
      return List.of(new InvalidInputException("body", "is not valid JSON"));
    }
    if (root == null || !root.isObject()) {
      return List.of();
    }
    Matcher start = START.matcher(path);
    if (start.matches()) {
      Requirements requirements = startRequirements(start.group("key"), start.group("tenant"), start.group("id"));
      return CaseVariables.problems(values(root.path("variables")), requirements.required(),
          requirements.allowedSectors());
    }
    if (MESSAGE.matcher(path).matches()) {
      Map<String, Object> variables = values(root.path("processVariables"));
      variables.putAll(values(root.path("processVariablesLocal")));
      return CaseVariables.problems(variables, List.of(), Set.of());
    }
    Matcher task = TASK.matcher(path);
    if (task.matches()) {
      return taskProblems(task.group("id"), values(root.path("variables")));
    }
    if (INSTANCE_VARIABLES.matcher(path).matches()) {
      return CaseVariables.problems(values(root.path("modifications")), List.of(), Set.of());
    }
    return List.of();
  }

  /**
   * The start requirements of the addressed definition, read as Camunda's start reads it (the latest version of a key
   * without a tenant, or of the tenant in the path), in one engine command under the caller's authorizations. None
   * when it does not exist or the caller may not read it: Camunda answers the request with its 404 or 403, and the
   * caller learns no requirement of a definition it may not see. Nothing is thrown for either inside the command
   * (Camunda would log every such request as an engine error).
   */
  private Requirements startRequirements(String key, String tenantId, String id) {
    try {
      return commands.execute(context -> startRequirements(context, key, tenantId, id));
    } catch (RuntimeException checkFailed) {
      return Requirements.NONE; // Camunda answers the request
    }
  }

  private static Requirements startRequirements(CommandContext context, String key, String tenantId, String id) {
    ProcessDefinitionManager definitions = context.getProcessDefinitionManager();
    ProcessDefinitionEntity found = key == null ? definitions.findLatestProcessDefinitionById(id)
        : definitions.findLatestProcessDefinitionByKeyAndTenantId(key, tenantId);
    List<CommandChecker> checkers = context.getProcessEngineConfiguration().getCommandCheckers();
    if (found == null || !allowed(() -> checkers.forEach(checker -> checker.checkReadProcessDefinition(found)))) {
      return Requirements.NONE;
    }
    ProcessDefinitionEntity deployed =
        context.getProcessEngineConfiguration().getDeploymentCache().resolveProcessDefinition(found);
    return Optional.ofNullable(Requirements.storedOn(deployed)).orElse(Requirements.NONE);
  }

  /**
   * A task's completion variables: formats, and the task's required variables unless the task already has them. One
   * engine command reads what the check needs, as Camunda's own task commands do: the task by its id under the
   * caller's authorizations, its step's requirements in the deployed definition, and only the required variables the
   * request does not bring (a form that sends all of them, as Tasklist's do, costs no read of the case). A task query
   * here cost more than the rest of the check: MyBatis builds its SQL anew for every call.
   */
  private List<InvalidInputException> taskProblems(String taskId, Map<String, Object> submitted) {
    try {
      return commands.execute(context -> taskProblems(context, taskId, submitted));
    } catch (RuntimeException goneOrNotAllowed) {
      // Completed by someone else a moment ago (reading a case while it ends can fail in any way, even with a
      // NullPointerException inside the engine), or its variables are not this user's: Camunda answers the request.
      return List.of();
    }
  }

  private static List<InvalidInputException> taskProblems(CommandContext context, String taskId,
      Map<String, Object> submitted) {
    List<CommandChecker> checkers = context.getProcessEngineConfiguration().getCommandCheckers();
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    Requirements requirements = task == null || task.getProcessDefinitionId() == null
        || !allowed(() -> checkers.forEach(checker -> checker.checkReadTask(task)))
        ? Requirements.NONE
        : Optional.ofNullable(task.getProcessDefinition().findActivity(task.getTaskDefinitionKey()))
            .map(Requirements::storedOn)
            .orElse(Requirements.NONE);
    List<String> notSubmitted = requirements.required().stream().filter(name -> submitted.get(name) == null).toList();
    Map<String, Object> all = new LinkedHashMap<>();
    if (!notSubmitted.isEmpty()) {
      checkers.forEach(checker -> checker.checkReadTaskVariable(task));
      notSubmitted.forEach(name -> all.put(name, task.getVariable(name)));
    }
    all.putAll(submitted);
    return CaseVariables.problems(all, requirements.required(), requirements.allowedSectors());
  }

  /** Whether the caller passes Camunda's {@code check} (e.g. may read the task); if not, only formats are checked. */
  private static boolean allowed(Runnable check) {
    try {
      check.run();
      return true;
    } catch (AuthorizationException notAllowed) {
      return false;
    }
  }

  /** Camunda's variable DTOs ({"name": {"value": ..., "type": ...}}) as plain Java values. */
  private static Map<String, Object> values(JsonNode variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (!variables.isObject()) {
      return values;
    }
    variables.fields().forEachRemaining(field -> {
      JsonNode dto = field.getValue();
      JsonNode value = dto.isObject() ? dto.path("value") : dto;
      String type = dto.path("type").asText("");
      values.put(field.getKey(), plain(value, type));
    });
    return values;
  }

  private static Object plain(JsonNode value, String type) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if ("Date".equalsIgnoreCase(type) && value.isTextual()) {
      return new java.util.Date(); // Camunda parses its own Date format and refuses a bad one itself
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToInt() ? (Object) value.intValue() : (Object) value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    return value.toString();
  }

  private void refuse(HttpServletResponse response, List<InvalidInputException> problems) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    Map<String, Object> dto = new LinkedHashMap<>();
    dto.put("type", "InvalidCaseInput");
    dto.put("message", String.join("; ", problems.stream().map(Throwable::getMessage).toList()));
    dto.put("field", problems.get(0).field());
    dto.put("problems", problems.stream().map(p -> Map.of("field", p.field(), "message", p.getMessage())).toList());
    json.writeValue(response.getOutputStream(), dto);
  }

  /** Hands the body, already read for checking, on to Camunda. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous only");
        }

        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
