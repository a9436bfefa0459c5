package nl.salland.zorginkoop.decision;

/** The policy texts in ../shared/seeds, for citing a rule as {@code seed-file:line} in test names. */
final class Seeds {

  static final String SHORT_TERM = "000_5b3b4acc3ecb3548.txt";
  static final String GP = "001_19245b1b7297894e.txt";
  static final String PARAMEDICAL = "002_d8da34609ae20a88.txt";
  static final String GGZ = "003_ac3f9d7d049546c3.txt";
  static final String WLZ = "004_fbae119c7f6fc4e4.txt";

  private Seeds() {
  }
}
