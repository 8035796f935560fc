/*
 * The queue's background refresh (the queue and My work pages). Only adds comfort: without
 * it the page shows the counts of when it was loaded.
 *
 * Every `data-pulse-seconds` seconds it asks `data-pulse-url` for counts and the
 * references of new urgent inquiries (never a name or a message), and:
 * - updates the counts on the page;
 * - when a new urgent reference appears, says so in an alert with a link to reload the
 *   page, prefixes the tab's title, and, if this coordinator ticked the boxes (kept in this
 *   browser's localStorage), beeps (generated here, no sound file) and shows a browser
 *   notification that says "New urgent inquiry" and nothing more;
 * - when anything else has changed, says so quietly, with the same link.
 * It never reloads the page itself: a reload is staff activity, and would keep an
 * unattended screen signed in past the idle limit. When the session has ended (the pulse
 * answers with a redirect to the login page), it reloads once, so that the inquiries
 * leave the screen.
 */
(function () {
  "use strict";

  var live = document.querySelector(".worklist-live[data-pulse-url]");
  if (!live || !window.fetch) {
    return;
  }
  var url = live.dataset.pulseUrl;
  var seconds = Math.max(parseInt(live.dataset.pulseSeconds, 10) || 30, 1);
  var alertBox = document.getElementById("worklist-alert");
  var statusBox = document.getElementById("worklist-status");
  var references = JSON.parse(document.getElementById("worklist-urgent-references").textContent);
  var known = new Set(references);
  var counts = {};
  live.querySelectorAll("[data-count]").forEach(function (element) {
    counts[element.dataset.count] = element.textContent.trim();
  });
  var loadedCounts = Object.assign({}, counts);
  var originalTitle = document.title;
  var PREFERENCES_KEY = "admissions-worklist-alerts";

  // --- The coordinator's choices, in this browser only (no personal data).

  function preferences() {
    try {
      return JSON.parse(window.localStorage.getItem(PREFERENCES_KEY)) || {};
    } catch (error) {
      return {};
    }
  }

  function savePreferences(choices) {
    try {
      window.localStorage.setItem(PREFERENCES_KEY, JSON.stringify(choices));
    } catch (error) {
      // Storage refused (private window): the boxes work until the page is left.
    }
  }

  var choices = preferences();
  var fieldset = live.querySelector(".worklist-alerts");
  var soundBox = fieldset.querySelector("input[name=alert_sound]");
  var notificationBox = fieldset.querySelector("input[name=alert_notification]");
  var blockedNote = fieldset.querySelector(".worklist-alerts-blocked");
  var canNotify = "Notification" in window;
  soundBox.checked = Boolean(choices.sound);
  notificationBox.checked = canNotify && Boolean(choices.notification) &&
    Notification.permission === "granted";
  notificationBox.disabled = !canNotify;
  fieldset.hidden = false;

  var audio = null;

  function audioContext() {
    var AudioContext = window.AudioContext || window.webkitAudioContext;
    if (!audio && AudioContext) {
      audio = new AudioContext();
    }
    return audio;
  }

  soundBox.addEventListener("change", function () {
    choices.sound = soundBox.checked;
    savePreferences(choices);
    if (soundBox.checked && audioContext()) {
      // Ticking the box is the gesture browsers ask for before a page may play sound.
      audio.resume();
    }
  });

  notificationBox.addEventListener("change", function () {
    blockedNote.hidden = true;
    if (!notificationBox.checked) {
      choices.notification = false;
      savePreferences(choices);
      return;
    }
    Notification.requestPermission().then(function (permission) {
      var granted = permission === "granted";
      notificationBox.checked = granted;
      blockedNote.hidden = granted;
      choices.notification = granted;
      savePreferences(choices);
    });
  });

  function beep() {
    var context = audioContext();
    if (!context) {
      return;
    }
    context.resume().then(function () {
      var tone = context.createOscillator();
      var volume = context.createGain();
      tone.frequency.value = 880;
      volume.gain.setValueAtTime(0.2, context.currentTime);
      volume.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.6);
      tone.connect(volume).connect(context.destination);
      tone.start();
      tone.stop(context.currentTime + 0.6);
    }, function () {
      // No sound before the page has had a click or a key press: the alert remains.
    });
  }

  function notify() {
    if (!canNotify || Notification.permission !== "granted") {
      return;
    }
    // The same title every time, and no body: a notification may show on a locked screen.
    var notification = new Notification(live.dataset.notificationTitle, {
      tag: "admissions-new-urgent",
    });
    notification.addEventListener("click", function () {
      window.focus();
      notification.close();
    });
  }

  // --- Saying what changed

  function show(box, templateId) {
    var content = document.getElementById(templateId).content.cloneNode(true);
    box.replaceChildren(content);
  }

  function newUrgent() {
    show(alertBox, "worklist-urgent-text");
    statusBox.replaceChildren();
    document.title = "(!) " + originalTitle;
    var current = preferences();
    if (current.sound) {
      beep();
    }
    if (current.notification) {
      notify();
    }
  }

  function changed(latest) {
    return Object.keys(loadedCounts).some(function (name) {
      return String(latest[name]) !== loadedCounts[name];
    });
  }

  function update(latest) {
    live.querySelectorAll("[data-count]").forEach(function (element) {
      var name = element.dataset.count;
      if (name in latest && String(latest[name]) !== element.textContent.trim()) {
        element.textContent = String(latest[name]);
      }
    });
    var arrived = (latest.newest_urgent || []).filter(function (reference) {
      return !known.has(reference);
    });
    arrived.forEach(function (reference) {
      known.add(reference);
    });
    if (arrived.length) {
      newUrgent();
    } else if (!alertBox.hasChildNodes() && !statusBox.hasChildNodes() && changed(latest)) {
      show(statusBox, "worklist-changed-text");
    }
  }

  var timer = null;

  function poll() {
    fetch(url, {
      credentials: "same-origin",
      redirect: "manual",
      cache: "no-store",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      if (response.type === "opaqueredirect" || response.status === 401 ||
          response.status === 403) {
        // Signed out (idle limit) or no longer allowed: reload once, which leads to the
        // login page and takes the inquiries off the screen.
        window.clearInterval(timer);
        window.location.reload();
        return null;
      }
      return response.ok ? response.json() : null;
    }).then(function (latest) {
      if (latest) {
        update(latest);
      }
    }, function () {
      // Offline for a moment: try again at the next turn.
    });
  }

  timer = window.setInterval(poll, seconds * 1000);
})();
