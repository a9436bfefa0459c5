package nl.salland.zorginkoop.integration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks a built-in simulator of an outside system (under {@code /simulator/**}, no login: it stands in for a remote
 * system). Only with {@code zorginkoop.simulator.enabled=true}, the default profile; the postgres profile has none.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "zorginkoop.simulator.enabled", havingValue = "true")
public @interface SimulatorEnabled {
}
