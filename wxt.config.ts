import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox needs a stable add-on id (storage, tests with a fixed moz-extension UUID).
export const GECKO_ID = 'jernih@jernih.app';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Fewest permissions: activeTab gives access to the current tab only after the user asks
    // (toolbar, shortcut, context menu). No host permissions in the foundation.
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus'],
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 96: 'icons/96.png', 128: 'icons/128.png' },
    action: { default_title: '__MSG_actionTitle__', default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' } },
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: GECKO_ID, data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  vite: () => ({ plugins: [preact()] }),
});
