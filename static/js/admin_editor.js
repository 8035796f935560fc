// The content editor's helpers in the admin: character counters, the search result
// preview, the Markdown preview in place and the insert-link and insert-picture buttons. An enhancement only: without it the help texts give the limits, the server
// refuses longer text and the preview shows what was last saved.
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  function truncate(text, length) {
    return text.length > length ? text.slice(0, length - 1).trimEnd() + "\u2026" : text;
  }

  function addCounter(input) {
    var max = Number(input.dataset.charCount);
    var shown = Number(input.dataset.charShown);
    var counter = document.createElement("p");
    counter.className = "char-count";
    counter.id = input.id + "_count";
    // Announced once typing pauses, not on every key.
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    var visible = document.createElement("span");
    visible.setAttribute("aria-hidden", "true");
    counter.append(visible, status);
    input.insertAdjacentElement("afterend", counter);
    var described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    var timer;
    function update(announce) {
      var count = input.value.length;
      var template =
        count > shown ? input.dataset.charOverShownText : input.dataset.charCountText;
      var text = fill(template, { count: count, max: max, shown: shown });
      visible.textContent = text;
      counter.classList.toggle("char-count-over", count > shown);
      clearTimeout(timer);
      if (announce) {
        timer = setTimeout(function () {
          status.textContent = text;
        }, 800);
      }
    }
    input.addEventListener("input", function () {
      update(true);
    });
    update(false);
  }

  function value(id) {
    var field = document.getElementById(id);
    return field ? field.value.trim() : null;
  }

  function setUpPreview(preview) {
    var data = preview.dataset;
    // The boxes of the previewed language: "_en" when each field is kept per language.
    var suffix = data.fieldSuffix || "";
    var url = preview.querySelector(".search-preview-url");
    var title = preview.querySelector(".search-preview-title");
    var description = preview.querySelector(".search-preview-description");
    function update() {
      var slug = value("id_slug" + suffix);
      var layout = value("id_layout");
      if (slug !== null) {
        url.textContent =
          layout === "home" ? data.homeUrl : slug ? data.urlPattern.replace(data.slugMark, slug) : "";
      }
      var seoTitle = value("id_seo_title" + suffix);
      var plainTitle = value("id_title" + suffix);
      var shownTitle = seoTitle || (plainTitle ? plainTitle + " \u00b7 " + data.clinicName : "");
      title.textContent = truncate(shownTitle, Number(data.titleShown));
      var text = value("id_" + data.descriptionField + suffix);
      if (text !== null) {
        description.textContent = truncate(text, Number(data.descriptionShown));
      }
    }
    [
      "id_slug" + suffix,
      "id_layout",
      "id_seo_title" + suffix,
      "id_title" + suffix,
      "id_" + data.descriptionField + suffix,
    ].forEach(
      function (id) {
        var field = document.getElementById(id);
        if (field) {
          // keyup too: the admin fills the address in from the title on keyup.
          ["input", "change", "keyup"].forEach(function (event) {
            field.addEventListener(event, update);
          });
        }
      }
    );
    update();
  }

  // The preview button: without JavaScript it submits the form (nothing is saved and
  // the form comes back with the preview); here it asks the server and shows it in place.
  function setUpMarkdownPreview(button) {
    var box = document.getElementById(button.dataset.previewFor);
    var region = document.getElementById(button.dataset.previewFor + "_preview");
    if (!box || !region || !box.dataset.previewUrl) {
      return;
    }
    var body = region.querySelector(".markdown-preview-body");
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var token = box.form.querySelector("[name=csrfmiddlewaretoken]");
      var data = new FormData();
      data.append("text", box.value);
      fetch(box.dataset.previewUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token ? token.value : "" },
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        })
        .then(function (result) {
          // Sanitised on the server exactly as for visitors.
          body.innerHTML = result.html;
          region.hidden = false;
          region.focus();
        })
        .catch(function () {
          // Fall back to the form's own preview.
          button.form.requestSubmit(button);
        });
    });
  }

  // "Insert" beside each page and picture: writes its Markdown (the snippet shown beside
  // it, for copying without JavaScript) at the cursor. A link reads the chosen words if
  // some are chosen; a picture goes on a line of its own.
  function linkWords(text) {
    return text.replace(/\\/g, "\\\\").replace(/\[/g, "\\[").replace(/\]/g, "\\]");
  }

  function snippetFor(item, box, start, end) {
    var chosen = box.value.slice(start, end);
    if (item.dataset.address) {
      if (!chosen) {
        return item.dataset.snippet;
      }
      return "[" + linkWords(chosen) + "](" + item.dataset.address + ")";
    }
    var before = box.value.slice(0, start);
    var after = box.value.slice(end);
    var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var tail = after === "" || /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
    return lead + item.dataset.snippet + tail;
  }

  function setUpInsert(list) {
    var box = document.getElementById(list.dataset.insertInto);
    if (!box) {
      return;
    }
    list.querySelectorAll("li[data-snippet]").forEach(function (item) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button markdown-insert";
      button.textContent = list.dataset.insertLabel;
      button.setAttribute("aria-label", list.dataset.insertLabel + ": " + item.dataset.title);
      button.addEventListener("click", function () {
        var start = box.selectionStart;
        var end = box.selectionEnd;
        box.setRangeText(snippetFor(item, box, start, end), start, end, "end");
        box.focus();
        box.dispatchEvent(new Event("input", { bubbles: true }));
      });
      item.append(" ", button);
    });
  }

  function start() {
    document.querySelectorAll("[data-char-count]").forEach(addCounter);
    document.querySelectorAll("[data-search-preview]").forEach(setUpPreview);
    document.querySelectorAll("[data-preview-for]").forEach(setUpMarkdownPreview);
    document.querySelectorAll("[data-insert-into]").forEach(setUpInsert);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
