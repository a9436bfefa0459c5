package nl.salland.zorginkoop.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Response times in milliseconds, summarised as percentiles. */
final class Latencies {

  private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

  void add(long nanos) {
    millis.add(nanos / 1_000_000.0);
  }

  Map<String, Object> summary() {
    List<Double> sorted;
    synchronized (millis) {
      sorted = new ArrayList<>(millis);
    }
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return Map.of("count", 0);
    }
    return Map.of("count", sorted.size(), "p50", percentile(sorted, 50), "p95", percentile(sorted, 95),
        "p99", percentile(sorted, 99), "max", sorted.get(sorted.size() - 1));
  }

  private static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return Math.round(sorted.get(Math.max(0, index)) * 10) / 10.0;
  }
}
