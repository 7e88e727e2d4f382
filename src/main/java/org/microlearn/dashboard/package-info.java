/**
 * The admin dashboard ({@code /admin}): progress by rubric criterion, competency domain, learning
 * group and course, with charts and the same data as tables and CSV, and a drill-down to one
 * teacher. Reads the {@code progress}, {@code people}, {@code competency} and {@code rubric} APIs.
 */
package org.microlearn.dashboard;
