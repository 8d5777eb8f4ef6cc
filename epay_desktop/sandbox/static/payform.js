/* epay-desktop sandbox: behaviour of the hosted card page (formatting as you type, widget result). */
(function () {
  "use strict";

  function digitsOnly(value) {
    return value.replace(/\D+/g, "");
  }

  function groupPan(digits) {
    // American Express is grouped 4-6-5, everything else in fours.
    if (/^3[47]/.test(digits)) {
      return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10, 15)].filter(Boolean).join(" ");
    }
    return digits.slice(0, 19).replace(/(\d{4})(?=\d)/g, "$1 ");
  }

  function brandOf(digits) {
    if (/^4/.test(digits)) return "visa";
    if (/^(5[1-5]|2[2-7])/.test(digits)) return "mastercard";
    if (/^3[47]/.test(digits)) return "amex";
    return "";
  }

  // Reformat while keeping the caret after the same number of digits.
  function reformat(input, format) {
    var caret = input.selectionStart === null ? input.value.length : input.selectionStart;
    var digitsBefore = digitsOnly(input.value.slice(0, caret)).length;
    var formatted = format(input.value);
    input.value = formatted;
    var pos = 0;
    var seen = 0;
    while (pos < formatted.length && seen < digitsBefore) {
      if (/\d/.test(formatted.charAt(pos))) seen++;
      pos++;
    }
    if (document.activeElement === input) {
      input.setSelectionRange(pos, pos);
    }
  }

  function formatExpiry(value) {
    var d = digitsOnly(value).slice(0, 4);
    if (d.length === 1 && d > "1") d = "0" + d;
    return d.length > 2 ? d.slice(0, 2) + "/" + d.slice(2) : d;
  }

  function setUp() {
    var result = document.getElementById("result");
    if (result && result.getAttribute("data-post-result") === "true" && window.parent !== window) {
      var success = result.getAttribute("data-success") === "true";
      window.parent.postMessage(JSON.stringify({ success: success }), "*");
    }

    // The way to the issuer's 3-D Secure page (ACS): a top-level form POST, sent at once.
    Array.prototype.forEach.call(document.querySelectorAll("form[data-autosubmit]"), function (form) {
      form.submit();
    });

    var pan = document.getElementById("pan");
    if (pan) {
      var field = pan.parentNode;
      var showBrand = function () {
        field.setAttribute("data-brand", brandOf(digitsOnly(pan.value)));
      };
      pan.addEventListener("input", function () {
        reformat(pan, function (v) { return groupPan(digitsOnly(v)); });
        showBrand();
      });
      showBrand();
    }

    var expiry = document.getElementById("expiry");
    if (expiry) {
      expiry.addEventListener("input", function (event) {
        if (event.inputType === "deleteContentBackward") return; // let people delete the slash
        reformat(expiry, formatExpiry);
      });
    }

    ["cvc", "code"].forEach(function (id) {
      var input = document.getElementById(id);
      if (input) {
        input.addEventListener("input", function () {
          input.value = digitsOnly(input.value);
        });
      }
    });

    var name = document.getElementById("name");
    if (name) {
      name.addEventListener("input", function () {
        var start = name.selectionStart;
        var end = name.selectionEnd;
        name.value = name.value.toUpperCase();
        if (document.activeElement === name && start !== null) {
          name.setSelectionRange(start, end);
        }
      });
    }

    Array.prototype.forEach.call(document.querySelectorAll("form.pay-form"), function (form) {
      form.addEventListener("submit", function () {
        var button = form.querySelector("button[type=submit]");
        if (button) {
          button.disabled = true;
          button.classList.add("busy");
          button.textContent = form.getAttribute("data-processing") || button.textContent;
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
