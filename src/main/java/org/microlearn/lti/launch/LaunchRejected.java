package org.microlearn.lti.launch;

/** A login or launch failed one check; {@link #detail()} says what exactly was wrong. */
public class LaunchRejected extends RuntimeException {

    private final LaunchCheck check;
    private final String detail;
    private final Long platformId;

    public LaunchRejected(LaunchCheck check, String detail) {
        this(check, detail, null);
    }

    public LaunchRejected(LaunchCheck check, String detail, Long platformId) {
        super(check.code() + ": " + detail, null, false, false);
        this.check = check;
        this.detail = detail;
        this.platformId = platformId;
    }

    public LaunchCheck check() {
        return check;
    }

    public String detail() {
        return detail;
    }

    public Long platformId() {
        return platformId;
    }
}
