// Refuses a file over the size limit before it is sent, so nothing typed in the form is lost and
// nobody waits for 20 MB to upload only to be told no. The server checks again.
(function () {
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
    input.addEventListener('change', function () {
      var max = Number(input.dataset.maxBytes);
      var tooBig = Array.prototype.some.call(input.files, function (f) { return f.size > max; });
      input.setCustomValidity(tooBig ? input.dataset.tooLarge : '');
      if (tooBig) { input.reportValidity(); }
    });
  });
})();
