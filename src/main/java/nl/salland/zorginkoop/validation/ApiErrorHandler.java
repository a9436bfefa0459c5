package nl.salland.zorginkoop.validation;

import java.util.Map;
import nl.salland.zorginkoop.engine.EngineRestErrors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad input to our own endpoints becomes a 400 that names the field, in the shape Camunda's REST API uses; a change
 * that lost a race against another one is a 409.
 */
@RestControllerAdvice
public class ApiErrorHandler {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, String>> invalidInput(InvalidInputException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("type", "InvalidInput", "field", e.field(), "message", e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("type", "InvalidInput", "field", "body", "message", "body: not valid JSON for this request"));
  }

  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<Map<String, String>> concurrentChange(OptimisticLockingException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(Map.of("type", "OptimisticLockingException", "message", EngineRestErrors.CONCURRENT_CHANGE));
  }
}
