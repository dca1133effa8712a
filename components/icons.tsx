/** Small line icons for the reader's controls (decorative: every control has its own accessible name). */
import type { JSX } from 'preact';

const Svg = ({ children }: { children: JSX.Element | JSX.Element[] }) => (
  <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    {children}
  </svg>
);

export const IconBack = () => <Svg><path d="M15 18l-6-6 6-6" /></Svg>;
export const IconListen = () => (
  <Svg>
    <path d="M11 5L6 9H3v6h3l5 4V5z" />
    <path d="M15.5 8.5a5 5 0 010 7M18.5 5.5a9 9 0 010 13" />
  </Svg>
);
export const IconPause = () => <Svg><path d="M9 5v14M15 5v14" /></Svg>;
export const IconPlay = () => <Svg><path d="M7 4l13 8-13 8V4z" /></Svg>;
export const IconStop = () => <Svg><rect x="6" y="6" width="12" height="12" rx="1" /></Svg>;
export const IconContents = () => <Svg><path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01" /></Svg>;
export const IconMore = () => (
  <Svg>
    <circle cx="5" cy="12" r="1.6" fill="currentColor" />
    <circle cx="12" cy="12" r="1.6" fill="currentColor" />
    <circle cx="19" cy="12" r="1.6" fill="currentColor" />
  </Svg>
);
export const IconVoice = () => <Svg><path d="M4 21v-7M4 10V3M12 21v-9M12 8V3M20 21v-5M20 12V3M1 14h6M9 8h6M17 16h6" /></Svg>;
export const IconUp = () => <Svg><path d="M12 19V5M5 12l7-7 7 7" /></Svg>;
export const IconClose = () => <Svg><path d="M18 6L6 18M6 6l12 12" /></Svg>;
export const IconTranslate = () => (
  <Svg>
    <path d="M4 5h8M8 3v2M10 5c-1 4-3.5 7-6 8.5M6 9c1.2 2 2.8 3.4 4.5 4.2" />
    <path d="M12.5 21l4-9 4 9M14 17.8h5" />
  </Svg>
);
