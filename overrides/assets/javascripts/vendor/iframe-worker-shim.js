/* iframe-worker 1.0.4 (npm), shim/index.js: lets Material's search worker run from file://.
   MIT licence, Copyright (c) 2020-2022 Martin Donath. Vendored so the file-share build fetches
   nothing, and changed so it runs under a Content-Security-Policy without 'unsafe-inline': the
   iframe's globals (postMessage, importScripts, error reporting) come from the script file
   iframe-worker-boot.js beside this one instead of an inline script. */
"use strict";
(() => {
  const boot = new URL("iframe-worker-boot.js", document.currentScript.src).href;
  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.m = (event) => {
        if (event.source === this.w) {
          this.dispatchEvent(new MessageEvent("message", { data: event.data }));
          this.onmessage && this.onmessage(event);
        }
      };
      this.e = (message, filename, lineno, colno, error) => {
        if (filename === `${this.url}`) {
          const event = new ErrorEvent("error", { message, filename, lineno, colno, error });
          this.dispatchEvent(event);
          this.onerror && this.onerror(event);
        }
      };
      const iframe = document.createElement("iframe");
      iframe.hidden = true;
      iframe.dataset.worker = `${url}`;
      document.body.appendChild((this.iframe = iframe));
      this.w.document.open();
      this.w.document.write(
        `<html><body><script src="${boot}"><\/script><script src="${url}?${+Date.now()}"><\/script></body></html>`
      );
      this.w.document.close();
      onmessage = this.m;
      onerror = this.e;
      this.r = new Promise((resolve, reject) => {
        this.w.onload = resolve;
        this.w.onerror = reject;
      });
    }
    terminate() {
      this.iframe.remove();
      onmessage = onerror = null;
    }
    postMessage(data) {
      this.r.catch().then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }
    get w() {
      return this.iframe.contentWindow;
    }
  }
  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
