/**
 * The outside systems, one package each ({@code agb}, {@code vecozo}, {@code nza}, {@code mail}, {@code carefinder}):
 * client, delegate(s) and the built-in simulator of the default profile. This package holds what they share: the
 * HTTP client factory with explicit timeouts, how remote answers are classified (a refusal is a business error, an
 * outage a technical failure that the engine retries), the idempotency key and the log of completed remote calls.
 */
package nl.salland.zorginkoop.integration;
