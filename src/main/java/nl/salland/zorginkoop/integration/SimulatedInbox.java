package nl.salland.zorginkoop.integration;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a simulated remote received, in memory, each with a reference of its own. A request with an
 * Idempotency-Key seen before is not received again: the first answer is given once more, as a real remote does.
 */
public class SimulatedInbox {

  public record Entry(String reference, String idempotencyKey, Object payload, OffsetDateTime receivedAt) {
  }

  private final String referencePrefix;
  private final Map<String, Entry> byIdempotencyKey = new ConcurrentHashMap<>();
  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private final AtomicInteger numbers = new AtomicInteger();

  public SimulatedInbox(String referencePrefix) {
    this.referencePrefix = referencePrefix;
  }

  public Entry receive(String idempotencyKey, Object payload) {
    return idempotencyKey == null ? add(null, payload)
        : byIdempotencyKey.computeIfAbsent(idempotencyKey, key -> add(key, payload));
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  private Entry add(String idempotencyKey, Object payload) {
    Entry entry = new Entry("%s%06d".formatted(referencePrefix, numbers.incrementAndGet()), idempotencyKey, payload,
        OffsetDateTime.now());
    entries.add(entry);
    return entry;
  }
}
