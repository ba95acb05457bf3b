// The fake Slack in a process of its own, for the ack benchmark: replies posted to
// response_url then cost the load generator nothing, so its clock measures acks only.
// Prints "READY <base url>"; answers a "stats" message (IPC) with the reply count.
import { FakeSlack } from './fake-slack.js';

const fake = await new FakeSlack().start();
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ responseUrlPosts: fake.stats.responseUrlPosts });
});
process.on('disconnect', () => void fake.stop().then(() => process.exit(0)));
process.stdout.write(`READY ${fake.apiUrl.replace(/\/api\/$/, '')}\n`);
