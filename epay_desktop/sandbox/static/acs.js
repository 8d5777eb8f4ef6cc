/* epay-desktop sandbox: the issuer page's behaviour (digits-only code, auto-post back to TermUrl). */
(function () {
  "use strict";

  function setUp() {
    var code = document.getElementById("code");
    if (code) {
      code.addEventListener("input", function () {
        code.value = code.value.replace(/\D+/g, "").slice(0, 6);
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-autosubmit]"), function (form) {
      form.submit();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
