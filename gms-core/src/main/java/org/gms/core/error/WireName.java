package org.gms.core.error;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value of the {@code exception} field that clients see for an error type. It is declared, never derived from
 * our class names, so moving a class never changes the wire: the GMS class name where GMS has one (clients match on
 * them), else a stable name of ours listed in {@code docs/errors.md}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WireName {

    String value();
}
