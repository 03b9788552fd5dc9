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

document$.subscribe(function () {
  lbScrollableTables();
  lbPrintButtons();
});
