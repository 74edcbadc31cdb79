package dev.aios.architecture.seeded.unmarked;

/** Lives in a package without a package-info.java, so nothing declares its nullness. */
public record Unmarked(String name) {}
