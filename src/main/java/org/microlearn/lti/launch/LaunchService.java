package org.microlearn.lti.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.regex.Pattern;
import org.microlearn.lti.deeplinking.DeepLinkingRequests;
import org.microlearn.lti.login.LoginState;
import org.microlearn.lti.login.LoginStates;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.registration.PlatformUrls;
import org.microlearn.session.SessionTokens;
import org.microlearn.shared.Role;
import org.microlearn.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/** Takes a launch from the platform's form post to a session, or to the check that failed. */
@Service
public class LaunchService {

    /** What the launch endpoint does next. */
    public sealed interface Outcome permits Completed, NeedsPlatformStorage {}

    /** Go to {@code location}, which carries the new session token. */
    public record Completed(String location) implements Outcome {}

    /** Ask the platform's storage frame for the binding, then post it with the pending id. */
    public record NeedsPlatformStorage(String pendingId, String storageTarget, String platformOrigin, String key)
            implements Outcome {}

    private final LoginStates logins;
    private final PlatformRegistrations registrations;
    private final IdTokenValidator validator;
    private final PendingLaunches pending;
    private final LaunchRecorder recorder;
    private final SessionTokens sessions;
    private final DeepLinkingRequests deepLinking;

    LaunchService(
            LoginStates logins,
            PlatformRegistrations registrations,
            IdTokenValidator validator,
            PendingLaunches pending,
            LaunchRecorder recorder,
            SessionTokens sessions,
            DeepLinkingRequests deepLinking) {
        this.logins = logins;
        this.registrations = registrations;
        this.validator = validator;
        this.pending = pending;
        this.recorder = recorder;
        this.sessions = sessions;
        this.deepLinking = deepLinking;
    }

    public Outcome launch(LaunchRequest request) {
        if (request.error() != null) {
            throw new LaunchRejected(
                    LaunchCheck.PLATFORM_ERROR,
                    "the platform answered " + request.error()
                            + (request.errorDescription() == null ? "" : ": " + request.errorDescription()));
        }
        String state = request.state();
        String bindingCookie = request.bindingCookie();
        if (state == null || state.isBlank()) {
            throw new LaunchRejected(LaunchCheck.STATE, "the launch has no state parameter");
        }
        LoginState login = logins.consume(state)
                .orElseThrow(() -> new LaunchRejected(
                        LaunchCheck.STATE, "this state is unknown, expired or already used; open the link again"));
        Platform platform = registrations
                .find(login.platformId())
                .orElseThrow(
                        () -> new LaunchRejected(LaunchCheck.PLATFORM, "the platform was removed during the login"));
        JWTClaimsSet claims = validator.validate(request.idToken(), login, platform);
        LtiLaunch launch = LaunchParser.parse(claims, platform);
        if (bindingCookie != null && sameValue(bindingCookie, login.browserBinding())) {
            return complete(launch);
        }
        if (login.usesPlatformStorage()) {
            return new NeedsPlatformStorage(
                    pending.hold(launch, login),
                    login.storageTarget(),
                    PlatformUrls.origin(platform.authorizationUrl()),
                    BrowserBinding.STORAGE_KEY_PREFIX + login.state());
        }
        throw new LaunchRejected(
                LaunchCheck.BROWSER_BINDING,
                bindingCookie == null
                        ? "the login cookie did not come back (the browser may block it) and the platform offers no storage"
                        : "the login cookie belongs to another login",
                platform.id());
    }

    /** The page proved, through platform storage, that this browser started the login. */
    Completed completeFromStorage(String pendingId, String storedValue) {
        return complete(pending.release(pendingId, storedValue));
    }

    private Completed complete(LtiLaunch launch) {
        Viewer viewer = recorder.record(launch);
        String token = sessions.issue(viewer);
        return new Completed(UriComponentsBuilder.fromUriString(destination(launch, viewer))
                .queryParam("access_token", token)
                .build()
                .toUriString());
    }

    /**
     * Where each kind of launch lands: deep linking on the lesson picker, submission review on the
     * teacher's work; otherwise a teacher on "My learning", a coach on the coach's page, an admin on
     * the dashboard. A resource link made for one lesson ({@code custom.lesson}, a lesson id) opens
     * that lesson's player for a teacher and its overview for a coach or admin.
     */
    private String destination(LtiLaunch launch, Viewer viewer) {
        if (launch.isDeepLinking()) {
            return "/coach/deep-linking/" + deepLinking.start(launch, viewer.educatorId());
        }
        if (launch.isSubmissionReview()) {
            return UriComponentsBuilder.fromPath("/coach/submission-review")
                    .queryParam("user", launch.forUserId())
                    .queryParam("resourceLink", launch.resourceLink().id())
                    .encode()
                    .build()
                    .toUriString();
        }
        return destination(launch);
    }

    static String destination(LtiLaunch launch) {
        Set<Role> roles = launch.roles();
        boolean coaches = roles.contains(Role.COACH) || roles.contains(Role.ADMIN);
        String lesson = launch.custom() == null ? null : launch.custom().get("lesson");
        if (lesson != null && LESSON_ID.matcher(lesson.trim()).matches()) {
            return (coaches ? "/author/lessons/" : "/learn/lessons/") + lesson.trim();
        }
        if (roles.contains(Role.ADMIN)) {
            return "/admin";
        }
        return roles.contains(Role.COACH) ? "/coach" : "/learn";
    }

    private static final Pattern LESSON_ID = Pattern.compile("\\d{1,18}");

    private static boolean sameValue(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
