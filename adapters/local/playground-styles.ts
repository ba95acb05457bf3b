// The playground's stylesheet, served as /static/playground.css. System fonts only: the
// page loads nothing from beyond this server.
export const PLAYGROUND_STYLES = `
:root {
  --bg: #ffffff; --panel: #f7f7f9; --side: #2b2340; --side-text: #d9d4e8; --side-active: #5b45a8;
  --line: #e3e3ea; --text: #1d1c22; --muted: #686775; --accent: #5b45a8; --accent-ink: #ffffff;
  --private: #fff8e6; --private-line: #f1d79a; --error: #b3261e; --focus: #1a73e8;
  --radius: 8px; --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { font: 15px/1.45 var(--font); color: var(--text); background: var(--bg); }
button, input, select, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 8px; z-index: 10; }
.skip:focus { left: 8px; }
kbd { font: 12px var(--mono); border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; background: #fff; }

.app { display: grid; height: 100vh; grid-template-columns: 232px minmax(0, 1fr) auto; grid-template-rows: 48px minmax(0, 1fr); }
.topbar { grid-column: 1 / -1; display: flex; align-items: center; gap: 10px; padding: 0 16px; background: #1f1930; color: #fff; }
.brand { font-weight: 700; display: flex; align-items: center; gap: 8px; }
.logo { display: inline-grid; place-items: center; width: 26px; height: 26px; border-radius: 6px; background: var(--accent); font-size: 11px; }
.tag { font-size: 12px; color: #bdb4d6; border: 1px solid #4a4163; border-radius: 10px; padding: 1px 8px; }
.spacer { flex: 1; }
.who { font-size: 13px; color: #cfc8e3; }
.topbar select { background: #332a4b; border: 1px solid #4a4163; border-radius: 6px; padding: 4px 8px; color: #fff; }
.status { font-size: 12px; color: #bdb4d6; min-width: 80px; text-align: right; }

.sidebar { background: var(--side); color: var(--side-text); padding: 12px 8px; overflow-y: auto; }
.sidebar h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: #a79fc2; margin: 14px 10px 6px; font-weight: 600; }
.sidebar ul { list-style: none; margin: 0; padding: 0; }
.sidebar button { width: 100%; text-align: left; background: none; border: 0; color: inherit; padding: 5px 10px; border-radius: 6px; cursor: pointer; display: flex; justify-content: space-between; }
.sidebar button:hover { background: rgba(255,255,255,.08); }
.sidebar button[aria-current="true"] { background: var(--side-active); color: #fff; }
.sidebar .unread { font-weight: 700; color: #fff; }
.badge { background: #e0457b; color: #fff; border-radius: 9px; font-size: 11px; padding: 0 6px; }

.channel { display: flex; flex-direction: column; min-height: 0; border-right: 1px solid var(--line); }
.channel-head { padding: 10px 20px; border-bottom: 1px solid var(--line); display: flex; align-items: baseline; gap: 16px; }
.channel-head h1 { font-size: 17px; margin: 0; }
.hint { margin: 0; color: var(--muted); font-size: 13px; }
.empty { margin: 16px 20px 0; padding: 16px 20px; border: 1px dashed #c9c2e0; border-radius: var(--radius); background: #faf9fe; }
.empty h2 { margin: 0 0 4px; font-size: 16px; }
.empty p { margin: 0 0 12px; color: var(--muted); }

.timeline { list-style: none; margin: 0; padding: 12px 0; overflow-y: auto; flex: 1; min-height: 0; }
.msg { display: grid; grid-template-columns: 36px minmax(0, 1fr) auto; gap: 10px; padding: 6px 20px; position: relative; }
.msg:hover, .msg:focus-within { background: var(--panel); }
.avatar { width: 36px; height: 36px; border-radius: 8px; display: grid; place-items: center; font-weight: 700; color: #fff; background: #7c6f9c; }
.msg.bot .avatar { background: var(--accent); font-size: 12px; }
.meta { display: flex; gap: 8px; align-items: baseline; }
.author { font-weight: 700; }
.meta time, .edited { color: var(--muted); font-size: 12px; }
.private-tag { font-size: 12px; color: #8a6d1f; }
.msg.private { background: var(--private); border-left: 3px solid var(--private-line); }
.msg.error .body { color: var(--error); }
.body { overflow-wrap: anywhere; }
.body > :first-child { margin-top: 2px; }
.v-text, .v-context { margin: 2px 0 6px; }
.v-context { color: var(--muted); font-size: 13px; }
.v-header { font-size: 16px; margin: 4px 0 6px; }
.v-fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 6px 18px; margin: 6px 0; }
.v-fields dt { font-size: 12px; color: var(--muted); }
.v-fields dd { margin: 0; }
.v-table { overflow-x: auto; margin: 6px 0; max-width: 100%; }
.v-table table { border-collapse: collapse; font-size: 13px; }
.v-table th, .v-table td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; white-space: nowrap; }
.v-table th { color: var(--muted); font-weight: 600; }
.v-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.v-image { margin: 6px 0; }
.v-image img { max-width: min(640px, 100%); height: auto; border: 1px solid var(--line); border-radius: var(--radius); display: block; background: #fff; }
.v-image figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; }
.v-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0; }
.v-divider { border: 0; border-top: 1px solid var(--line); margin: 10px 0; }
code { font: 13px var(--mono); background: #f1eff7; border-radius: 4px; padding: 1px 4px; }
.mention { color: var(--accent); background: #efebfb; border-radius: 4px; padding: 0 2px; }
.user-text { white-space: pre-wrap; }
.foot { margin-top: 2px; }
.link { background: none; border: 0; padding: 0; color: var(--accent); cursor: pointer; font-size: 13px; font-weight: 600; }
.link:hover { text-decoration: underline; }
.reply-btn { opacity: 0; align-self: start; }
.msg:hover .reply-btn, .msg:focus-within .reply-btn { opacity: 1; }

.btn { border: 1px solid #cfcbdc; background: #fff; border-radius: 6px; padding: 5px 12px; cursor: pointer; }
.btn:hover { background: #f3f1f9; }
.btn-primary { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
.btn-primary:hover { background: #4b3893; }
.btn-danger { color: var(--error); border-color: #e4b3b0; }
.btn-quiet { border-color: transparent; background: transparent; }
.topbar .btn-quiet { color: #fff; }
.topbar .btn-quiet:hover { background: rgba(255,255,255,.1); }
.btn:disabled { opacity: .6; cursor: progress; }

.composer { position: relative; padding: 10px 20px 16px; }
.compose-row { display: flex; gap: 8px; align-items: flex-end; border: 1px solid #c9c6d4; border-radius: var(--radius); padding: 6px; background: #fff; }
.compose-row:focus-within { border-color: var(--accent); box-shadow: 0 0 0 2px #e6e0f8; }
.compose-row textarea { flex: 1; border: 0; resize: none; padding: 6px; max-height: 160px; outline: none; }
.usage { margin: 0 0 6px; font: 12px var(--mono); color: var(--muted); min-height: 0; }
.usage:empty { display: none; }
.suggestions { position: absolute; bottom: calc(100% - 6px); left: 20px; right: 20px; list-style: none; margin: 0; padding: 4px; background: #fff; border: 1px solid var(--line); border-radius: var(--radius); box-shadow: 0 8px 24px rgba(30,20,60,.15); max-height: 320px; overflow-y: auto; }
.suggestions li { padding: 6px 10px; border-radius: 6px; cursor: pointer; display: flex; gap: 12px; }
.suggestions li[aria-selected="true"] { background: var(--accent); color: #fff; }
.suggestions li[aria-selected="true"] .summary { color: #e9e4fa; }
.suggestions .name { font-weight: 700; min-width: 96px; }
.suggestions .summary { color: var(--muted); }

.thread { width: 400px; display: flex; flex-direction: column; min-height: 0; background: #fff; }
.thread[hidden] { display: none; }
.thread-head { display: flex; align-items: center; justify-content: space-between; padding: 8px 12px 8px 20px; border-bottom: 1px solid var(--line); }
.thread-head h2 { font-size: 16px; margin: 0; }
.thread .msg { padding: 6px 16px; }
.thread .root { border-bottom: 1px solid var(--line); padding-bottom: 10px; margin-bottom: 6px; }

.modal { border: 0; border-radius: 12px; padding: 0; width: min(520px, 92vw); box-shadow: 0 20px 60px rgba(20,10,50,.35); }
.modal::backdrop { background: rgba(25,18,45,.45); }
.modal form { padding: 20px 24px; display: flex; flex-direction: column; gap: 4px; max-height: 86vh; overflow-y: auto; }
.modal h2 { margin: 0 0 8px; font-size: 18px; }
.field { display: flex; flex-direction: column; gap: 4px; margin: 6px 0; }
.field label { font-weight: 600; font-size: 14px; }
.field input, .field select, .field textarea { border: 1px solid #c9c6d4; border-radius: 6px; padding: 7px 9px; background: #fff; }
.req { color: var(--error); }
.modal-error { color: var(--error); margin: 4px 0; white-space: pre-wrap; }
.modal-error:empty { display: none; }
.modal-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 10px; }

@media (max-width: 900px) {
  .app { grid-template-columns: 0 minmax(0, 1fr) auto; }
  .sidebar { display: none; }
  .thread { width: 100vw; position: fixed; inset: 48px 0 0 0; }
}
`;
