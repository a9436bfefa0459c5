package nl.salland.zorginkoop;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh AGB codes, so that tests never collide on business keys, also not in the PostgreSQL run where one database
 * serves every test class.
 */
public final class TestAgbCodes {

  private TestAgbCodes() {
  }

  public static String next() {
    return String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
  }
}
