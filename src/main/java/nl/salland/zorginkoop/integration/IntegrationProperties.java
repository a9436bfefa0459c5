package nl.salland.zorginkoop.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outside systems reached over HTTP. The default profile points them at the built-in simulator, the postgres
 * profile takes them from the environment (ZORGINKOOP_AGB_URL, ZORGINKOOP_VECOZO_URL, ZORGINKOOP_NZA_URL,
 * ZORGINKOOP_CAREFINDER_URL).
 */
@ConfigurationProperties("zorginkoop.integration")
public record IntegrationProperties(RemoteSystem agb, RemoteSystem vecozo, RemoteSystem nza,
    RemoteSystem carefinder) {
}
