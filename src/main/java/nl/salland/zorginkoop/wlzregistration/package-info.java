/**
 * What the process {@code wlzRegistration} (bpmn/wlz-registration.bpmn) needs beyond the decision tables and the
 * integration delegates: the record of every registration in {@code zi_wlz_registration}, with which a second
 * registration for the same year is refused. The registrations arrive through the VECOZO endpoint
 * (integration.vecozo.WlzRegistrations) or the REST API. See bpmn/README.md for the choices made.
 */
package nl.salland.zorginkoop.wlzregistration;
