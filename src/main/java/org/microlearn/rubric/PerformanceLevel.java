package org.microlearn.rubric;

/**
 * One level of a rubric's scale, e.g. (3, "Proficient", 3.0).
 *
 * @param position 1 for the lowest level
 */
public record PerformanceLevel(int position, String name, double score) {}
