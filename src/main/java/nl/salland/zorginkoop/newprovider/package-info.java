/**
 * What the process {@code newProviderReview} (bpmn/new-provider-review.bpmn) needs beyond the decision tables and
 * the integration delegates: the provider register update after the AGB check, and the rejection reasons as one
 * text for the case and the mail. See bpmn/README.md for the choices made.
 */
package nl.salland.zorginkoop.newprovider;
