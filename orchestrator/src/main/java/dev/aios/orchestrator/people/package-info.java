/**
 * People: who calls the API (a JWT from the deployment's identity provider, or the standalone launcher's own), in
 * which tenant, with which roles, and what each role may do (ADR 0040).
 */
@NullMarked
package dev.aios.orchestrator.people;

import org.jspecify.annotations.NullMarked;
