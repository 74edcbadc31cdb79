/** The demo's user: submits a brief, streams the sprint as readable lines, downloads the repository. */
@NullMarked
package dev.aios.standalone.demo;

import org.jspecify.annotations.NullMarked;
