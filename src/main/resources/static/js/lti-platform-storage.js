// LTI Platform Storage (1EdTech client-side postMessage): keeps the login's value in the
// platform's storage frame and reads it back at launch, for browsers that block our cookie.
// Messages go only to the platform's origin and replies are accepted only from it.
(function () {
    'use strict';
    var el = document.getElementById('lti-storage');
    if (!el) {
        return;
    }
    var target = el.getAttribute('data-target');
    var origin = el.getAttribute('data-platform-origin');
    var key = el.getAttribute('data-key');

    function storageFrame() {
        var parent = window.opener || window.parent;
        if (!parent || parent === window) {
            return null;
        }
        if (target === '_parent') {
            return parent;
        }
        try {
            return parent.frames[target] || null;
        } catch (e) {
            return null;
        }
    }

    function ask(message, timeoutMs) {
        return new Promise(function (resolve, reject) {
            var frame = storageFrame();
            if (!frame) {
                reject(new Error('the platform storage frame is not reachable'));
                return;
            }
            var id = 'ml-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
            var timer = setTimeout(function () {
                window.removeEventListener('message', onMessage);
                reject(new Error('the platform storage did not answer'));
            }, timeoutMs);
            function onMessage(event) {
                if (event.origin !== origin) {
                    return;
                }
                var data = event.data;
                if (!data || data.message_id !== id || data.subject !== message.subject + '.response') {
                    return;
                }
                clearTimeout(timer);
                window.removeEventListener('message', onMessage);
                if (data.error) {
                    reject(new Error(data.error.message || data.error.code || 'storage error'));
                } else {
                    resolve(data);
                }
            }
            window.addEventListener('message', onMessage);
            message.message_id = id;
            frame.postMessage(message, origin);
        });
    }

    if (el.getAttribute('data-mode') === 'login') {
        var next = el.getAttribute('data-next');
        ask({subject: 'lti.put_data', key: key, value: el.getAttribute('data-value')}, 2000)
            .catch(function () { /* the cookie may still carry the login */ })
            .then(function () { window.location.replace(next); });
    } else {
        var form = document.getElementById('lti-storage-form');
        var status = document.getElementById('storage-status');
        ask({subject: 'lti.get_data', key: key}, 3000)
            .then(function (data) {
                form.elements.value.value = data.value || '';
                form.submit();
            })
            .catch(function (error) {
                status.textContent = 'Microlearn could not confirm this launch (' + error.message
                    + '). Go back to your course and open the link again.';
                status.setAttribute('role', 'alert');
            });
    }
})();
