package nl.salland.zorginkoop.integration.vecozo;

/** What we publish in the VECOZO zorginkoopportaal: a contract proposal or a questionnaire (uitvraag). */
public enum VecozoDocumentType {
  PROPOSAL,
  QUESTIONNAIRE
}
