/* Progressive enhancement only: every page works without this file. Deferred: the page
   looks the same before it runs (the phone menu is folded by CSS either way). */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function init() {
    // On small screens the main navigation folds behind a "Menu" button.
    // Without JavaScript a "Menu" link opens it (CSS :target); the button, the same
    // size in the same place, takes its place.
    var toggle = document.querySelector("button.nav-toggle");
    var link = document.querySelector("[data-nav-link]");
    var nav = document.getElementById("primary-nav");
    if (toggle && nav) {
      nav.setAttribute("data-collapsed", "true");
      toggle.hidden = false;
      if (link) { link.hidden = true; }
      if (window.location.hash === "#primary-nav") {
        // The link was tapped before this ran: the menu is open, say so.
        toggle.setAttribute("aria-expanded", "true");
        nav.setAttribute("data-collapsed", "false");
      }
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") === "true";
        toggle.setAttribute("aria-expanded", String(!open));
        nav.setAttribute("data-collapsed", String(open));
        if (!open) {
          var first = nav.querySelector("a");
          if (first) { first.focus(); }
        }
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
          toggle.click();
          toggle.focus();
        }
      });
    }

    // After a failed submit, move focus to the error summary so it is read out first.
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }

    // "Not safe right now" shows 911 and 988 at once, before the form is sent.
    var crisisLines = document.querySelector("[data-crisis-lines]");
    document.querySelectorAll("input[name=safe_now]").forEach(function (radio) {
      radio.addEventListener("change", function () {
        if (!crisisLines) { return; }
        crisisLines.hidden = radio.value === "yes";
        if (!crisisLines.hidden) {
          // On a phone the lines may appear below the screen's edge: bring them into view.
          var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
          crisisLines.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
        }
      });
    });

    // A form that is being sent cannot be sent twice by a double click.
    document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("[type=submit]").forEach(function (button) {
          button.disabled = true;
        });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
