package nl.salland.zorginkoop.bench;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The peer to beat: Camunda 7.24 through its Spring Boot starter with the starter's defaults (history full, default
 * job executor) and nothing of zorginkoop (no component scan, so none of our plugins, listeners or tables).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BaselineEngine {
}
