package org.microlearn.competency;

/**
 * A competency as other modules refer to it: enough to show it and to group by domain.
 *
 * @param uri its CASE uri
 * @param title the short title (CASE abbreviatedStatement), or the full statement when the
 *     framework gives none
 */
public record CompetencyRef(
        long id,
        String uuid,
        String uri,
        String code,
        String title,
        long domainId,
        String domainCode,
        String domainTitle,
        long frameworkId,
        String frameworkTitle) {

    /** Code and title, e.g. "INS.2 Feedback that moves learning forward". */
    public String label() {
        return code == null ? title : code + " " + title;
    }
}
