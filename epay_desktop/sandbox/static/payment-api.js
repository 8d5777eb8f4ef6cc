/*
 * epay-desktop sandbox: payment-api.js
 *
 * A local stand-in for ePay's hosted-payment script. It exposes the same public surface as the
 * real one (window.halyk.pay, showPaymentWidget, p2p, aft, oct) and opens the sandbox's hosted page
 * that lives next to this file, so the same script works on whatever origin the sandbox runs.
 *
 * The payment object travels as ?params=<LZ-String, URI-safe alphabet> of a flat query string.
 */
(function (global) {
  "use strict";

  // ---- where the hosted page lives: the directory this script was loaded from -------------------

  function scriptDirectory() {
    var script = document.currentScript;
    var src = script && script.src ? script.src : "";
    if (!src) {
      // Fallback for exotic loaders: the last script carrying our name.
      var scripts = document.getElementsByTagName("script");
      for (var i = scripts.length - 1; i >= 0; i--) {
        if (/payment-api\.js(\?|#|$)/.test(scripts[i].src)) {
          src = scripts[i].src;
          break;
        }
      }
    }
    var url = new URL(src || "/payform/payment-api.js", document.baseURI);
    url.search = "";
    url.hash = "";
    url.pathname = url.pathname.replace(/[^\/]*$/, "");
    return url;
  }

  var payformBase = scriptDirectory();
  var payformUrl = payformBase.href;
  var payformOrigin = payformBase.origin;

  // ---- LZ-String, compressToEncodedURIComponent only ----------------------------------------------
  // Dictionary coder over UTF-16 code units. Codes 0 and 1 announce a new 8- or 16-bit literal,
  // 2 ends the stream, 3 and up name phrases. Values are written least-significant bit first and
  // packed six bits per output symbol.

  var URI_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

  function compressToEncodedURIComponent(text) {
    if (text === null || text === undefined) {
      return "";
    }
    text = String(text);
    var out = [];
    var acc = 0;
    var filled = 0;

    function put(value, bits) {
      for (var b = 0; b < bits; b++) {
        acc = (acc << 1) | (value & 1);
        value >>= 1;
        if (filled === 5) {
          out.push(URI_ALPHABET.charAt(acc));
          acc = 0;
          filled = 0;
        } else {
          filled++;
        }
      }
    }

    var phrases = new Map();
    var unsentLiterals = new Set();
    var nextCode = 3;
    var width = 2;
    var untilWider = 2;

    function tick() {
      untilWider--;
      if (untilWider === 0) {
        untilWider = 1 << width;
        width++;
      }
    }

    function emit(phrase) {
      if (unsentLiterals.has(phrase)) {
        var unit = phrase.charCodeAt(0);
        if (unit < 256) {
          put(0, width);
          put(unit, 8);
        } else {
          put(1, width);
          put(unit, 16);
        }
        tick();
        unsentLiterals.delete(phrase);
      } else {
        put(phrases.get(phrase), width);
      }
      tick();
    }

    var current = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      if (!phrases.has(ch)) {
        phrases.set(ch, nextCode++);
        unsentLiterals.add(ch);
      }
      var extended = current + ch;
      if (phrases.has(extended)) {
        current = extended;
      } else {
        emit(current);
        phrases.set(extended, nextCode++);
        current = ch;
      }
    }
    if (current !== "") {
      emit(current);
    }
    put(2, width);
    // Flush: shift in zero bits until the last symbol is complete.
    for (;;) {
      acc <<= 1;
      if (filled === 5) {
        out.push(URI_ALPHABET.charAt(acc));
        break;
      }
      filled++;
    }
    return out.join("");
  }

  // ---- payment object -> query string ------------------------------------------------------------

  function encodeParams(obj) {
    var parts = [];
    Object.keys(obj).forEach(function (key) {
      var value = obj[key];
      if (value === undefined || typeof value === "function") {
        return;
      }
      if (value === null) {
        value = "";
      } else if (typeof value === "object") {
        value = encodeParams(value);
      }
      parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(String(value)));
    });
    return parts.join("&");
  }

  function pageUrl(paymentObject, extra) {
    return payformUrl + "?params=" + compressToEncodedURIComponent(encodeParams(paymentObject || {})) + (extra || "");
  }

  // ---- public API --------------------------------------------------------------------------------

  function pay(paymentObject) {
    global.location.href = pageUrl(paymentObject, "");
  }

  function redirectWith(flag) {
    return function (params) {
      global.location.href = pageUrl(params, "&" + flag + "=true");
    };
  }

  function showPaymentWidget(paymentObject, callback) {
    var screen = document.createElement("div");
    screen.className = "widgetScreen";
    screen.style.cssText =
      "position:fixed;top:0;left:0;right:0;bottom:0;z-index:2147483000;" +
      "background:rgba(15,23,42,0.55);display:flex;align-items:center;justify-content:center;";

    var box = document.createElement("div");
    box.className = "iframeBox";
    box.style.cssText =
      "width:400px;max-width:100%;background:#fff;border-radius:12px;overflow:hidden;" +
      "box-shadow:0 20px 50px rgba(0,0,0,0.35);";

    var frame = document.createElement("iframe");
    frame.src = pageUrl(paymentObject, "&isShortForm=true");
    frame.setAttribute("title", "Payment");
    frame.style.cssText = "display:block;width:100%;height:90vh;border:0;";

    function onMessage(event) {
      if (event.origin !== payformOrigin) {
        return;
      }
      var data;
      try {
        data = typeof event.data === "string" ? JSON.parse(event.data) : event.data;
      } catch (err) {
        return; // not ours to interpret
      }
      global.removeEventListener("message", onMessage);
      try {
        if (typeof callback === "function") {
          callback({ success: !!data && data.success === true });
        }
      } finally {
        if (screen.parentNode) {
          screen.parentNode.removeChild(screen);
        }
      }
    }

    global.addEventListener("message", onMessage);
    box.appendChild(frame);
    screen.appendChild(box);
    if (document.body) {
      document.body.appendChild(screen);
    } else {
      // Called from <head> before the body exists: show it as soon as there is one.
      document.addEventListener("DOMContentLoaded", function () {
        document.body.appendChild(screen);
      });
    }
  }

  global.halyk = {
    pay: pay,
    showPaymentWidget: showPaymentWidget,
    p2p: redirectWith("isTransfer"),
    aft: redirectWith("isAFT"),
    oct: redirectWith("isOCT"),
  };
  // Exposed for tests and for pages that want to build the URL themselves; not part of ePay's API.
  global.halyk._sandbox = {
    payformUrl: payformUrl,
    encodeParams: encodeParams,
    compressToEncodedURIComponent: compressToEncodedURIComponent,
  };
})(window);
