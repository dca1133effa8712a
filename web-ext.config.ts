import { defineWebExtConfig } from 'wxt';
// `npx wxt` (dev mode) must not try to launch a browser as root without a display; the demo script does that.
export default defineWebExtConfig({ disabled: true });
