package org.microlearn.competency;

/**
 * One thing wrong with a CASE file, precise enough to find and fix it.
 *
 * @param path where in the file, as a JSON path such as {@code $.CFItems[3]}
 * @param identifier the CASE identifier of the object at that path, when it has a readable one
 * @param field the offending field, or {@code null} when the object as a whole is wrong
 * @param message what is wrong, in words an administrator understands
 */
public record CaseProblem(String path, String identifier, String field, String message) {

    @Override
    public String toString() {
        return path + (identifier == null ? "" : " (" + identifier + ")") + (field == null ? "" : " " + field) + ": "
                + message;
    }
}
