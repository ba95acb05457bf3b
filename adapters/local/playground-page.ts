// The playground page. Replies are inserted with textContent, never innerHTML, so
// nothing a user types can run as HTML or script.
export const PLAYGROUND_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CX Habits playground</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1d1f23; }
  header { background: #3b2e5a; color: #fff; padding: 12px 20px; font-weight: 600; }
  main { max-width: 980px; margin: 0 auto; padding: 16px; }
  #log { display: flex; flex-direction: column; gap: 10px; margin-bottom: 90px; }
  .msg { background: #fff; border: 1px solid #dde0e5; border-radius: 8px; padding: 10px 14px; }
  .mine { align-self: flex-end; background: #e8e3f5; }
  .private::before { content: "Only visible to you"; display: block; font-size: 12px; color: #6b7079; }
  .error { border-color: #d9534f; }
  pre { white-space: pre-wrap; margin: 0; font: 13px/1.4 ui-monospace, monospace; }
  form { position: fixed; bottom: 0; left: 0; right: 0; background: #fff; border-top: 1px solid #dde0e5; padding: 12px; display: flex; gap: 8px; }
  input { font: inherit; padding: 8px; border: 1px solid #c4c8cf; border-radius: 6px; }
  #line { flex: 1; }
  button { font: inherit; padding: 8px 16px; border: 0; border-radius: 6px; background: #3b2e5a; color: #fff; }
</style>
</head>
<body>
<header>CX Habits · local playground</header>
<main><div id="log" aria-live="polite"></div></main>
<form id="send">
  <label>User <input id="user" value="alice" size="8" aria-label="user"></label>
  <input id="line" list="commands" placeholder="/cx-issue Parcel a week late #late-delivery" aria-label="message" autocomplete="off" autofocus>
  <datalist id="commands">
    <option value="/cx"><option value="/cx-issue"><option value="/cx-pareto"><option value="/cx-impact">
    <option value="/cx-drivers"><option value="/cx-why"><option value="/cx-action"><option value="/cx-metric"><option value="/cx-digest">
  </datalist>
  <button>Send</button>
</form>
<script>
  const log = document.getElementById('log');
  const add = (text, classes) => {
    const div = document.createElement('div');
    div.className = 'msg ' + classes;
    const pre = document.createElement('pre');
    pre.textContent = text;
    div.appendChild(pre);
    log.appendChild(div);
    div.scrollIntoView();
  };
  document.getElementById('send').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = document.getElementById('line');
    const line = input.value.trim();
    if (!line) return;
    input.value = '';
    add(line, 'mine');
    try {
      const res = await fetch('/api/command', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ line, user: document.getElementById('user').value }) });
      const reply = await res.json();
      if (!reply.ok) return add(reply.error, 'error');
      add(reply.text, (reply.visibility === 'private' ? 'private ' : '') + (reply.tone === 'error' ? 'error' : ''));
    } catch (e) {
      add('The bot did not answer. Is it still running?', 'error');
    }
  });
</script>
</body>
</html>
`;
