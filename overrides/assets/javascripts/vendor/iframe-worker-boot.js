/* iframe-worker 1.0.4 (npm), the part of shim/index.js that runs inside the worker's iframe, as
   a file of its own so no inline script is needed. MIT licence, Copyright (c) 2020-2022 Martin
   Donath. It gives the iframe the globals a worker script expects. */
"use strict";
self.postMessage = function (data, origin) {
  parent.postMessage(data, origin || "*");
};
self.importScripts = function (...urls) {
  return urls.reduce(
    (loaded, url) =>
      loaded.then(
        () =>
          new Promise((resolve) => {
            const script = document.createElement("script");
            script.src = url;
            script.onload = resolve;
            document.body.appendChild(script);
          })
      ),
    Promise.resolve()
  );
};
addEventListener("error", ({ error }) => {
  parent.dispatchEvent(new ErrorEvent("error", { filename: frameElement.dataset.worker, error }));
});
