/** The recorded scenarios shipped with the launcher: each a brief, how to submit it, and the recording that answers it. */
@NullMarked
package dev.aios.standalone.scenario;

import org.jspecify.annotations.NullMarked;
