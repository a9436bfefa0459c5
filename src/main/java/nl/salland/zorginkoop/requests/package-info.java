/**
 * Requests during the contract year: the Java behind five small processes of one shape (request, admissibility by
 * decision table, assessment task, decision, register update, notification): {@code ceilingOverrunRequest},
 * {@code hardshipClauseRequest}, {@code treatmentIndexReview}, {@code contractUpgradeRequest} and
 * {@code transitionBudgetApplication} (bpmn/README.md). Only what a decision table or an existing bean cannot do lives
 * here: register updates and our own tables ({@code V5__requests.sql}). No policy number or date: those come from the
 * decision tables and the contracting calendar, through the process.
 */
package nl.salland.zorginkoop.requests;
