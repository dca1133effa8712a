/** Line icons of the saved-articles features (decorative: every control that shows one has its own accessible name). */
import type { JSX } from 'preact';

const Svg = ({ children, size = 18 }: { children: JSX.Element | JSX.Element[]; size?: number }) => (
  <svg class="icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    {children}
  </svg>
);

export const IconSave = ({ filled = false }: { filled?: boolean }) => (
  <Svg>
    <path d="M6 3h12a1 1 0 011 1v17l-7-4.5L5 21V4a1 1 0 011-1z" fill={filled ? 'currentColor' : 'none'} />
  </Svg>
);
export const IconLibrary = () => (
  <Svg>
    <path d="M4 4v16M8 4v16" />
    <path d="M12.5 4.8l3.9-1 4.1 15.4-3.9 1z" />
  </Svg>
);
export const IconSearch = () => (
  <Svg size={16}>
    <circle cx="11" cy="11" r="7" />
    <path d="M20 20l-3.5-3.5" />
  </Svg>
);
export const IconCheck = () => <Svg size={16}><path d="M5 12.5l4.5 4.5L19 7.5" /></Svg>;
export const IconCircle = () => <Svg size={16}><circle cx="12" cy="12" r="7" /></Svg>;
export const IconTag = () => (
  <Svg size={16}>
    <path d="M3 12V4a1 1 0 011-1h8l9 9-9 9-9-9z" />
    <circle cx="7.5" cy="7.5" r="1.3" fill="currentColor" />
  </Svg>
);
export const IconTrash = () => (
  <Svg size={16}>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
  </Svg>
);
export const IconExternal = () => (
  <Svg size={16}>
    <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 01-1 1H5a1 1 0 01-1-1V7a1 1 0 011-1h5" />
  </Svg>
);
export const IconSettings = () => (
  <Svg size={16}>
    <circle cx="12" cy="12" r="3" />
    <path d="M19.4 15a1.7 1.7 0 00.3 1.8l.1.1a2 2 0 11-2.8 2.8l-.1-.1a1.7 1.7 0 00-1.8-.3 1.7 1.7 0 00-1 1.5V21a2 2 0 11-4 0v-.1a1.7 1.7 0 00-1.1-1.5 1.7 1.7 0 00-1.8.3l-.1.1a2 2 0 11-2.8-2.8l.1-.1a1.7 1.7 0 00.3-1.8 1.7 1.7 0 00-1.5-1H3a2 2 0 110-4h.1a1.7 1.7 0 001.5-1.1 1.7 1.7 0 00-.3-1.8l-.1-.1a2 2 0 112.8-2.8l.1.1a1.7 1.7 0 001.8.3H9a1.7 1.7 0 001-1.5V3a2 2 0 114 0v.1a1.7 1.7 0 001 1.5 1.7 1.7 0 001.8-.3l.1-.1a2 2 0 112.8 2.8l-.1.1a1.7 1.7 0 00-.3 1.8V9a1.7 1.7 0 001.5 1H21a2 2 0 110 4h-.1a1.7 1.7 0 00-1.5 1z" />
  </Svg>
);
export const IconBook = () => (
  <Svg size={16}>
    <path d="M4 5a2 2 0 012-2h13v15H6a2 2 0 00-2 2V5z" />
    <path d="M4 20a2 2 0 002 2h13v-4" />
  </Svg>
);
export const IconImport = () => (
  <Svg size={16}>
    <path d="M12 3v12M7 10l5 5 5-5M4 19h16" />
  </Svg>
);
export const IconExport = () => (
  <Svg size={16}>
    <path d="M12 15V3M7 8l5-5 5 5M4 19h16" />
  </Svg>
);
export const IconSelect = () => (
  <Svg size={16}>
    <rect x="4" y="4" width="16" height="16" rx="3" />
    <path d="M8.5 12l2.5 2.5 4.5-5" />
  </Svg>
);
export const IconX = () => <Svg size={16}><path d="M18 6L6 18M6 6l12 12" /></Svg>;
