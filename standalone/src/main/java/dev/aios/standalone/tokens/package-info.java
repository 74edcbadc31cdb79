/** The standalone launcher's own token issuer: there is no identity provider on a laptop (ADR 0040). */
@NullMarked
package dev.aios.standalone.tokens;

import org.jspecify.annotations.NullMarked;
