// Tells the LMS that registration is finished (LTI Dynamic Registration: "org.imsglobal.lti.close").
// The message goes only to the platform's own origins, which the page lists; a browser drops it
// for a window of any other origin.
(function () {
    var page = document.getElementById('registration-done');
    if (!page) {
        return;
    }
    var target = window.opener || (window.parent !== window ? window.parent : null);
    if (!target) {
        return;
    }
    (page.getAttribute('data-close-origins') || '').split(' ').forEach(function (origin) {
        if (!origin) {
            return;
        }
        try {
            target.postMessage({subject: 'org.imsglobal.lti.close'}, origin);
        } catch (e) {
            // An origin the browser cannot parse: the success message on the page still stands.
        }
    });
})();
