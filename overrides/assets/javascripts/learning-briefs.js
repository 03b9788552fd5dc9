// Learning Briefs' one script: small enhancements on top of pages that work without it.
// Written for older intranet browsers too: no modules, no arrow functions.

// Tables wider than a phone scroll sideways inside Material's wrapper; a keyboard user must be
// able to reach and scroll that region (WCAG 2.1.1), so give it a focus stop and a name.
function lbScrollableTables() {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrapper) {
    wrapper.setAttribute("tabindex", "0");
    wrapper.setAttribute("role", "region");
    wrapper.setAttribute("aria-label", "Table (scrolls sideways)");
  });
}

// The print button (overrides/main.html) is hidden until this script can make it work.
function lbPrintButtons() {
  document.querySelectorAll(".lb-print-button").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
}

// One polite live region per page, so a screen reader hears "Link copied".
function lbAnnounce(message) {
  var region = document.getElementById("lb-announce");
  if (!region) {
    region = document.createElement("div");
    region.id = "lb-announce";
    region.className = "lb-visually-hidden";
    region.setAttribute("aria-live", "polite");
    document.body.appendChild(region);
  }
  region.textContent = "";
  window.setTimeout(function () {
    region.textContent = message;
  }, 50);
}

// The address of one key message: this page without search's ?h= highlight, at its anchor.
function lbAddress(anchor) {
  return location.href.split("#")[0].split("?")[0] + "#" + anchor;
}

function lbCopy(text, done) {
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(
      function () { done(true); },
      function () { done(lbCopyBySelection(text)); }
    );
  } else {
    done(lbCopyBySelection(text));
  }
}

// Older browsers and pages opened from a file share have no clipboard API.
function lbCopyBySelection(text) {
  var field = document.createElement("textarea");
  field.value = text;
  field.setAttribute("readonly", "");
  field.className = "lb-visually-hidden";
  document.body.appendChild(field);
  field.select();
  var copied = false;
  try {
    copied = document.execCommand("copy");
  } catch (error) {
    copied = false;
  }
  document.body.removeChild(field);
  return copied;
}

// A "Copy link" button under each key message's heading, to share that one message; the
// heading's anchor is the address, so links already shared keep working.
function lbCopyLinks() {
  document.querySelectorAll(".lb-key-message").forEach(function (card) {
    var heading = card.querySelector("h2[id], h3[id], h4[id]");
    if (!heading || card.querySelector(".lb-copy-link")) {
      return;
    }
    var title = heading.firstChild ? heading.firstChild.textContent.trim() : "";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "lb-copy-link";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", "Copy link to “" + title + "”");
    button.addEventListener("click", function () {
      var address = lbAddress(heading.id);
      lbCopy(address, function (copied) {
        if (copied) {
          lbAnnounce("Link copied");
        } else {
          history.replaceState(null, "", "#" + heading.id);
          lbAnnounce("Could not copy: the link is in the address bar");
        }
      });
    });
    heading.insertAdjacentElement("afterend", button);
  });
}

// The editors' guide's checklist (pymdownx.tasklist) draws each tick box in an empty label: name
// each box by its item's words, so a screen reader says what is to be checked (WCAG 4.1.2).
function lbChecklistLabels() {
  document.querySelectorAll(".task-list-item").forEach(function (item) {
    var box = item.querySelector("input[type=checkbox]");
    if (box && !box.hasAttribute("aria-label")) {
      box.setAttribute("aria-label", item.textContent.trim());
    }
  });
}

// Pagefind, the web build's search (overrides/partials/pagefind-search.html), finds a section by
// its themes' other words, kept hidden after its heading between ⟦ and ⟧
// (macros/templates/search-words.html). They find it but are not its text: take them out of every
// result snippet, whole or cut off at either end, as the results appear.
var LB_SEARCH_WORDS = [/⟦[^⟧]*⟧/g, /^[^⟦]*⟧/, /⟦[^⟧]*$/];
var LB_SNIPPETS = ".pf-result-excerpt, .pf-heading-excerpt, .pf-searchbox-result-excerpt";

function lbCleanSnippets(root) {
  root.querySelectorAll(LB_SNIPPETS).forEach(function (snippet) {
    if (snippet.textContent.indexOf("⟦") < 0 && snippet.textContent.indexOf("⟧") < 0) {
      return;
    }
    var html = snippet.innerHTML;
    LB_SEARCH_WORDS.forEach(function (words) {
      html = html.replace(words, " ");
    });
    snippet.innerHTML = html.replace(/\s+/g, " ").trim();
  });
}

// Rank as practitioners look: a brief is long and holds many key messages, a theme page is short
// and named after its theme. Pagefind's defaults favour short pages (pageLength 0.75) and words in
// a page's title fivefold, which put every theme page above the key messages it lists; measured
// on the seeds, these put the brief first and its theme page next. Set before Pagefind loads.
function lbSearchRanking() {
  if (!window.PagefindComponents || !document.querySelector("pagefind-modal")) {
    return;
  }
  var instance = window.PagefindComponents.getInstanceManager().getInstance("default");
  instance.pagefindOptions.ranking = { pageLength: 0.1, termFrequency: 0.5, metaWeights: { title: 1 } };
}

function lbSearchSnippets() {
  var search = document.querySelector("pagefind-modal");
  if (!search || !window.MutationObserver || search.lbWatched) {
    return;
  }
  search.lbWatched = true;
  new MutationObserver(function () {
    lbCleanSnippets(search);
  }).observe(search, { childList: true, subtree: true });
}

// A page opened from a Pagefind result highlights the words searched for (?highlight=...), with
// Pagefind's own script, loaded only then; the marks are styled by learning-briefs.css.
function lbSearchHighlight() {
  var ui = document.querySelector("script[src*='pagefind-component-ui.js']");
  if (!ui || location.search.indexOf("highlight=") < 0 || window.PagefindHighlight) {
    return;
  }
  var script = document.createElement("script");
  script.type = "module";
  script.src = ui.src.replace(/pagefind-component-ui\.js.*$/, "pagefind-highlight.js");
  script.addEventListener("load", function () {
    new window.PagefindHighlight({
      highlightParam: "highlight",
      addStyles: false,
      markOptions: { className: "lb-highlight", exclude: ["[data-pagefind-ignore]", ".lb-search-words"] },
    });
  });
  document.head.appendChild(script);
}

// The menu on a narrow screen opens from a real button (overrides/partials/header.html), which
// works Material's hidden checkbox as its label would, and says whether the menu is open.
function lbMenuButton() {
  var button = document.querySelector(".lb-menu-button");
  var label = document.querySelector("label.md-header__button[for='__drawer']");
  var toggle = document.getElementById("__drawer");
  if (!button || !label || !toggle || button.lbWired) {
    return;
  }
  button.lbWired = true;
  var say = function () {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  };
  button.addEventListener("click", function () {
    toggle.click();
  });
  toggle.addEventListener("change", say);
  say();
  button.hidden = false;
  label.hidden = true;
}

document$.subscribe(function () {
  lbMenuButton();
  lbSearchRanking();
  lbSearchSnippets();
  lbSearchHighlight();
  lbScrollableTables();
  lbChecklistLabels();
  lbPrintButtons();
  lbCopyLinks();
});
