package com.arbdesk.web.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a servlet that is an API route outside Jersey: {@link Routes} treats it as {@link Routes.Kind#API}, so a
 * refusal is answered as the JSON error body rather than as a page. Its access is still declared on the class
 * ({@code @PermitAll} or {@code @RolesAllowed}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JsonRoute {
}
