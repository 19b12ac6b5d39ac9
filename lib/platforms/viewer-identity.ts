import type { Platform } from './record';

/**
 * Where each platform shows the *viewer's* own identity — the monitor's name, avatar or "logged
 * in as" — as opposed to the author of what is captured. A screenshot or snapshot that shows it
 * exposes the monitor once a package reaches a court or the other side, so these regions get
 * redacted working copies (lib/capture/redaction.ts). Selectors stay within the platforms' own
 * navigation and account chrome; each is labelled for the monitor, who reviews and adjusts the
 * regions before export. Seen on the hand-made fixtures in tests/fixtures/site/logged-in/ (modelled
 * on each platform's logged-in header, 2024–2026).
 */
const SELECTORS: Partial<Record<Platform, ReadonlyArray<[string, string]>>> = {
  instagram: [
    [
      '[role="navigation"] a[href][role="link"]:has(img[alt$="profile picture"])',
      'profile link (navigation)',
    ],
    ['[role="navigation"] img[alt$="profile picture"]', 'avatar (navigation)'],
    ['nav img[alt$="profile picture"]', 'avatar (navigation)'],
    ['[role="navigation"] a[href][aria-label="Profile"]', 'profile link (navigation)'],
    ['[role="navigation"] a[href][aria-label="Профиль"]', 'profile link (navigation)'],
  ],
  facebook: [
    ['[role="banner"] [aria-label="Your profile"]', 'account menu'],
    ['[role="banner"] [aria-label="Ваш профиль"]', 'account menu'],
    ['[role="banner"] [aria-label="Account controls and settings"]', 'account controls'],
    ['[role="navigation"] a[href][aria-label][href*="/me"]', 'profile link'],
  ],
  x: [
    ['[data-testid="SideNav_AccountSwitcher_Button"]', 'account switcher'],
    ['[data-testid="AppTabBar_Profile_Link"]', 'profile link (navigation)'],
    ['[data-testid="DashButton_ProfileIcon_Link"]', 'profile icon'],
  ],
  vk: [
    ['#top_profile_link', 'account menu'],
    ['.TopNavBtn__profileLink', 'account menu'],
    ['#l_pr', 'my profile (menu)'],
  ],
  youtube: [
    ['#avatar-btn', 'account avatar'],
    ['ytd-topbar-menu-button-renderer img#img', 'account avatar'],
  ],
  tiktok: [
    ['[data-e2e="profile-icon"]', 'account avatar'],
    ['[data-e2e="nav-profile"]', 'profile link (navigation)'],
  ],
  webmail: [
    ['a[aria-label^="Google Account:"]', 'account (name and address)'],
    ['a[aria-label^="Аккаунт Google:"]', 'account (name and address)'],
    ['[data-testid="user-menu"]', 'account menu'],
  ],
};

/** Any site: an element that says whom the page is logged in as. */
const ANY: ReadonlyArray<[string, string]> = [
  ['[aria-label^="Logged in as" i]', '"logged in as"'],
  ['[aria-label^="Signed in as" i]', '"signed in as"'],
  ['[aria-label^="Вы вошли как" i]', '"logged in as"'],
];

export interface ViewerElement {
  element: Element;
  label: string;
}

/**
 * The viewer-identity elements on a page, outermost only (an avatar inside a matched account
 * menu is covered by the menu's region), in document order. Never throws: a selector a browser
 * does not support is skipped.
 */
export function findViewerIdentity(doc: Document, platform: Platform): ViewerElement[] {
  const found = new Map<Element, string>();
  for (const [selector, label] of [...(SELECTORS[platform] ?? []), ...ANY]) {
    let matches: Element[];
    try {
      matches = Array.from(doc.querySelectorAll(selector));
    } catch {
      continue;
    }
    for (const el of matches) if (!found.has(el)) found.set(el, label);
  }
  const all = [...found.keys()];
  const outermost = all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
  const order = Array.from(doc.querySelectorAll('*'));
  const index = new Map(order.map((el, i) => [el, i]));
  return outermost
    .sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0))
    .map((element) => ({ element, label: found.get(element)! }));
}
