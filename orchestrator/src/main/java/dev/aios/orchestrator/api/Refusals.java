package dev.aios.orchestrator.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The 4xx statuses an operation answers with a problem detail besides 401 and 403, for the OpenAPI document. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refusals {
    int[] value();
}
