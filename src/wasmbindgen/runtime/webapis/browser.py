"""The browser-only names: absent from the scope, as in Node, so crates that probe for a
browser take their other path and a call raises the ``NameError`` (``ReferenceError``) JS
would."""

from __future__ import annotations

# Globals and interfaces that exist only in a browser window (or a worker's DOM-less scope).
BROWSER_ONLY = frozenset(
    {
        "window",
        "self",
        "document",
        "navigator",
        "location",
        "history",
        "screen",
        "localStorage",
        "sessionStorage",
        "indexedDB",
        "caches",
        "alert",
        "confirm",
        "prompt",
        "open",
        "close",
        "print",
        "requestAnimationFrame",
        "cancelAnimationFrame",
        "requestIdleCallback",
        "cancelIdleCallback",
        "getComputedStyle",
        "matchMedia",
        "Window",
        "Document",
        "HTMLDocument",
        "Element",
        "HTMLElement",
        "Node",
        "NodeList",
        "Navigator",
        "Location",
        "History",
        "Storage",
        "CSSStyleDeclaration",
        "MouseEvent",
        "KeyboardEvent",
        "HTMLCanvasElement",
        "CanvasRenderingContext2D",
        "WebGLRenderingContext",
        "WebGL2RenderingContext",
        "XMLHttpRequest",
        "WebSocket",
        "Worker",
        "ServiceWorker",
        "ServiceWorkerGlobalScope",
        "WorkerGlobalScope",
        "DedicatedWorkerGlobalScope",
        "SharedWorkerGlobalScope",
        "MutationObserver",
        "ResizeObserver",
        "IntersectionObserver",
        "Blob",
        "File",
        "FileReader",
        "FormData",
        "ReadableStream",
        "WritableStream",
    }
)
# The probes js-sys itself makes for every module (`self`, `window`), reported apart so every
# module's imports listing does not open with them.
PROBED_BY_JS_SYS = frozenset({"self", "window"})
BROWSER_ONLY_WHY = "browser-only: wasmbindgen has no window, DOM or worker scope, as Node has none"
