// The playground's page: the chat's frame only. Its script (adapters/local/client) fills
// it from the live feed; the page carries no inline script or style, so the strict
// Content-Security-Policy holds.
export const PLAYGROUND_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CX Habits · playground</title>
<link rel="stylesheet" href="/static/playground.css">
<script type="module" src="/static/playground.js"></script>
</head>
<body>
<a class="skip" href="#line">Skip to the message box</a>
<div class="app">
  <header class="topbar">
    <span class="brand"><span class="logo" aria-hidden="true">CX</span> CX Habits</span>
    <span class="tag">local playground</span>
    <span class="spacer"></span>
    <label class="who" for="who">Acting as</label>
    <select id="who"></select>
    <button type="button" id="add-person" class="btn btn-quiet">Add person</button>
    <span id="status" class="status" role="status" aria-live="polite">Connecting…</span>
  </header>
  <nav class="sidebar" aria-label="Conversations">
    <h2 id="channels-label">Channels</h2>
    <ul id="channels" aria-labelledby="channels-label"></ul>
    <h2 id="dms-label">Direct messages</h2>
    <ul id="dms" aria-labelledby="dms-label"></ul>
  </nav>
  <main class="channel" aria-labelledby="channel-title">
    <header class="channel-head">
      <h1 id="channel-title">#general</h1>
      <p class="hint">Type <kbd>/</kbd> for commands. <kbd>Enter</kbd> sends, <kbd>Shift</kbd>+<kbd>Enter</kbd> adds a line.</p>
    </header>
    <section id="empty" class="empty" hidden aria-labelledby="empty-title">
      <h2 id="empty-title">This workspace is empty</h2>
      <p>Load 6,623 real complaints from the US Consumer Financial Protection Bureau to try Pareto, digests and 5 whys.</p>
      <button type="button" id="load-demo" class="btn btn-primary">Load demo data</button>
    </section>
    <ol id="timeline" class="timeline" aria-label="Messages" aria-live="polite" tabindex="-1"></ol>
    <form id="composer" class="composer" autocomplete="off">
      <ul id="suggestions" class="suggestions" role="listbox" aria-label="Commands" hidden></ul>
      <p id="usage" class="usage" aria-live="polite"></p>
      <div class="compose-row">
        <label class="sr-only" for="line">Message</label>
        <textarea id="line" rows="1" role="combobox" aria-autocomplete="list" aria-controls="suggestions" aria-expanded="false" placeholder="Message #general, or type / for commands"></textarea>
        <button type="submit" class="btn btn-primary">Send</button>
      </div>
    </form>
  </main>
  <aside id="thread" class="thread" aria-labelledby="thread-title" hidden>
    <header class="thread-head">
      <h2 id="thread-title">Thread</h2>
      <button type="button" id="close-thread" class="btn btn-quiet" aria-label="Close thread">✕</button>
    </header>
    <ol id="thread-timeline" class="timeline" aria-label="Thread messages" aria-live="polite"></ol>
    <form id="thread-composer" class="composer" autocomplete="off">
      <div class="compose-row">
        <label class="sr-only" for="thread-line">Reply in thread</label>
        <textarea id="thread-line" rows="1" placeholder="Reply…"></textarea>
        <button type="submit" class="btn btn-primary">Reply</button>
      </div>
    </form>
  </aside>
</div>
<dialog id="modal" class="modal" aria-labelledby="modal-title">
  <form id="modal-form">
    <h2 id="modal-title"></h2>
    <div id="modal-body" class="modal-body"></div>
    <p id="modal-error" class="modal-error" role="alert"></p>
    <div class="modal-actions">
      <button type="button" class="btn btn-quiet" data-close>Cancel</button>
      <button type="submit" id="modal-submit" class="btn btn-primary">Submit</button>
    </div>
  </form>
</dialog>
<dialog id="person-dialog" class="modal" aria-labelledby="person-title">
  <form id="person-form">
    <h2 id="person-title">Add a person</h2>
    <div class="field"><label for="person-name">Name</label><input id="person-name" name="name" required maxlength="40"></div>
    <div class="modal-actions">
      <button type="button" class="btn btn-quiet" data-close>Cancel</button>
      <button type="submit" class="btn btn-primary">Add</button>
    </div>
  </form>
</dialog>
</body>
</html>
`;
