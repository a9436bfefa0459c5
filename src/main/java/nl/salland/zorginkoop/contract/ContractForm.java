package nl.salland.zorginkoop.contract;

/** Standard contract (one text for every provider of the sector) or a custom contract (maatwerk). */
public enum ContractForm {
  STANDAARD,
  MAATWERK
}
