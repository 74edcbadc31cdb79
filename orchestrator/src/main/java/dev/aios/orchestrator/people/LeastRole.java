package dev.aios.orchestrator.people;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role an API operation needs, as the OpenAPI document states it ({@code x-aios-least-role}). The security
 * configuration enforces the same rule per path; AccessMatrixIT checks that the two and the behaviour agree.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface LeastRole {
    Role value();
}
