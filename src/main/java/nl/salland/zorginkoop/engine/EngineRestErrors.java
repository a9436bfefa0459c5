package nl.salland.zorginkoop.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.ws.rs.ext.ExceptionMapper;
import nl.salland.zorginkoop.decision.DecisionErrorReporting;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors of {@code /engine-rest} answer as Camunda's own mappers do ({@link ExceptionHandlerHelper}: same status, type
 * and shape), with the refinements a caller needs:
 * <ul>
 *   <li>a change that lost a race (two staff completing one task, two messages for one case at the same moment) is a
 *       409 Conflict saying so, not the 500 Camunda gives an {@link OptimisticLockingException}. Nothing of the loser
 *       was stored; the winner's change stands;</li>
 *   <li>completing a task that no longer exists (someone else completed it a moment ago) is a 404 saying so (Camunda:
 *       500, a 403, or whatever engine error the half-finished completion ran into);</li>
 *   <li>starting a process by a definition id that does not exist is a 404, as by a key that does not exist
 *       (Camunda: 500);</li>
 *   <li>a decision table that cannot be read as DMN is refused with a 400 (Camunda: 500) that names the file and
 *       what in it could not be read; nothing of the deployment is stored;</li>
 *   <li>a failed decision evaluation names the reason the decision table gave ({@link DecisionErrorReporting}).</li>
 * </ul>
 */
@Configuration
public class EngineRestErrors {

  public static final String CONCURRENT_CHANGE = "Tegelijk gewijzigd door een ander verzoek, dat voorging; deze "
      + "wijziging is niet opgeslagen. Haal de zaak of taak opnieuw op en probeer het zo nodig nog eens";

  private static final Pattern TASK_COMPLETION = Pattern.compile("^/?task/([^/]+)/(?:complete|submit-form|resolve)$");
  private static final Pattern START_BY_ID = Pattern.compile("^/?process-definition/([^/]+)/(?:start|submit-form)$");
  static final String TASK_GONE = "Deze taak bestaat niet (meer): afgerond door een ander, of nooit aangemaakt";

  @Bean
  ResourceConfigCustomizer engineRestErrorMappers() {
    return config -> config.register(RestExceptionMapper.class).register(ProcessEngineExceptionMapper.class)
        .register(AnyExceptionMapper.class);
  }

  static Response refine(Throwable exception) {
    Response response = ExceptionHandlerHelper.getInstance().getResponse(exception);
    if (!(response.getEntity() instanceof ExceptionDto dto)) {
      return response;
    }
    if (lostARace(exception)) {
      dto.setType(OptimisticLockingException.class.getSimpleName());
      dto.setMessage(CONCURRENT_CHANGE + " (" + dto.getMessage() + ")");
      return Response.fromResponse(response).status(Response.Status.CONFLICT).entity(dto).build();
    }
    if (taskGone(exception)) {
      return taskGone(response);
    }
    DmnTransformException unreadableTable = find(exception, DmnTransformException.class);
    if (unreadableTable != null) {
      dto.setType(DmnTransformException.class.getSimpleName());
      dto.setMessage(dto.getMessage() + ": " + deepestMessage(unreadableTable));
      return Response.fromResponse(response).status(Response.Status.BAD_REQUEST).entity(dto).build();
    }
    String reason = DecisionErrorReporting.evaluationFailure(exception);
    if (reason != null) {
      dto.setMessage(dto.getMessage() + ": " + reason);
      return Response.fromResponse(response).entity(dto).build();
    }
    return response;
  }

  static boolean lostARace(Throwable exception) {
    return find(exception, OptimisticLockingException.class) != null;
  }

  private static Response taskGone(Response response) {
    ExceptionDto dto = (ExceptionDto) response.getEntity();
    dto.setType("TaskNotFound");
    dto.setMessage(TASK_GONE + " (" + dto.getMessage() + ")");
    return Response.fromResponse(response).status(Response.Status.NOT_FOUND).entity(dto).build();
  }

  /** Completing (or resolving) a task that someone else completed a moment ago: Camunda answers 500. */
  static boolean taskGone(Throwable exception) {
    NullValueException missing = find(exception, NullValueException.class);
    return missing != null && missing.getMessage() != null && missing.getMessage().contains("Cannot find task with id");
  }

  /** Camunda found no process definition with the id the request starts (Camunda answers 500). */
  static boolean unknownDefinition(Throwable exception, String requestPath) {
    Matcher byId = START_BY_ID.matcher(requestPath);
    NotFoundException missing = find(exception, NotFoundException.class);
    return byId.matches() && missing != null && missing.getMessage() != null
        && missing.getMessage().contains("'" + byId.group(1) + "'");
  }

  private static <T extends Throwable> T find(Throwable exception, Class<T> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  /** The most specific of the messages in the chain, e.g. which hit policy or expression could not be read. */
  private static String deepestMessage(Throwable exception) {
    String message = exception.getMessage();
    for (Throwable cause = exception.getCause(); cause != null && cause.getCause() != cause;
        cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
    }
    return message;
  }

  /**
   * A completion that failed while someone else completed the same task can fail anywhere in the middle of the
   * engine's work, having read half the old and half the new state: an engine error (even a NullPointerException), or
   * a 403 because the task's authorizations went with the task. The task being gone is what the caller needs to know.
   * Nothing of the failed completion was stored.
   */
  static Response answer(Throwable exception, String requestPath) {
    Response response = refine(exception);
    if (response.getStatus() == 500 && unknownDefinition(exception, requestPath)) {
      return Response.fromResponse(response).status(Response.Status.NOT_FOUND).build();
    }
    boolean failedOnTheWay = response.getStatus() == 500 || response.getStatus() == 403;
    return failedOnTheWay && response.getEntity() instanceof ExceptionDto && completedMeanwhile(requestPath)
        ? taskGone(response) : response;
  }

  /** Looked up without the caller's authorizations: a task the caller may not see is not gone. */
  static boolean completedMeanwhile(String path) {
    Matcher completion = TASK_COMPLETION.matcher(path);
    if (!completion.matches()) {
      return false;
    }
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) ProcessEngines.getDefaultProcessEngine()
        .getProcessEngineConfiguration();
    return engine.getCommandExecutorTxRequired()
        .execute(context -> context.getTaskManager().findTaskById(completion.group(1)) == null);
  }

  /**
   * Camunda maps {@link RestException}, {@link ProcessEngineException} and any other {@link Throwable} each with its own
   * mapper; these take the place of all three (same type, a higher priority than Camunda's default).
   */
  abstract static class Mapper<T extends Throwable> implements ExceptionMapper<T> {

    @Context
    UriInfo request;

    @Override
    public Response toResponse(T exception) {
      return answer(exception, request.getPath());
    }
  }

  @Priority(Priorities.USER - 100)
  public static class RestExceptionMapper extends Mapper<RestException> {
  }

  @Priority(Priorities.USER - 100)
  public static class ProcessEngineExceptionMapper extends Mapper<ProcessEngineException> {
  }

  @Priority(Priorities.USER - 100)
  public static class AnyExceptionMapper extends Mapper<Throwable> {
  }
}
