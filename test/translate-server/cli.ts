/**
 * Runs the Apertium-backed LibreTranslate test server on its own, for trying the extension by hand:
 *   npm run translate-server -- [--port 5000] [--char-limit 5000] [--batch-limit 25]
 * then point Jernih's LibreTranslate setting at the printed address. Ctrl+C stops it.
 */
import { parseArgs } from 'node:util';
import { checkApertium, startTranslateServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5000' },
    'char-limit': { type: 'string' },
    'batch-limit': { type: 'string' },
  },
});

const check = checkApertium();
if (!check.ok) {
  console.error(`translate-server: ${check.reason}`);
  process.exit(1);
}

const server = await startTranslateServer({
  port: Number(values.port),
  charLimit: values['char-limit'] ? Number(values['char-limit']) : undefined,
  batchLimit: values['batch-limit'] ? Number(values['batch-limit']) : undefined,
});
const pairs = Object.entries(check.modes).map(([pair, mode]) => `${pair.replace('>', '→')} (${mode})`).join(', ');
console.log(`LibreTranslate-compatible Apertium server on ${server.url}\npairs: ${pairs}\nCtrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.stop().then(() => process.exit(0));
  });
}
