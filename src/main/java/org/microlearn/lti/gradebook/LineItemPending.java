package org.microlearn.lti.gradebook;

/** Another worker is finding or creating the column's line item; try again in a moment. */
class LineItemPending extends RuntimeException {

    LineItemPending(String columnKey) {
        super("line item of column " + columnKey + " is being created by another worker", null, false, false);
    }
}
