package nl.salland.zorginkoop.integration;

import java.net.URI;
import java.time.Duration;

/** Where an outside system is and how long we wait for it: {@code zorginkoop.integration.<system>.*}. */
public record RemoteSystem(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
}
