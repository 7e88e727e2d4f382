/**
 * Coaches assign lessons to a teacher, a learning group or a career stage, with due dates, and see
 * who is behind; teachers see their assignments first on "My learning" ({@code /learn}), followed
 * by recommendations. Depends on the {@code people}, {@code lesson} and {@code progress} APIs.
 */
package org.microlearn.assignment;
