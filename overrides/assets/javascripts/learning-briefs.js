// Tables wider than a phone scroll sideways inside Material's wrapper; a keyboard user must be
// able to reach and scroll that region (WCAG 2.1.1), so give it a focus stop and a name.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrapper) {
    wrapper.setAttribute("tabindex", "0");
    wrapper.setAttribute("role", "region");
    wrapper.setAttribute("aria-label", "Table (scrolls sideways)");
  });
});
