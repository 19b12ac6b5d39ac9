import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';

const DASHBOARD = '/dashboard.html';

/**
 * A link to a dashboard screen (`#security`, `#export/all`, …) that works wherever it is shown:
 * on the dashboard a hash change, which its router follows; in the popup (which has no screens)
 * the dashboard in a new tab.
 */
export function DashboardLink({ hash, children }: { hash: string; children: ComponentChildren }) {
  if (location.pathname === DASHBOARD) return <a href={hash}>{children}</a>;
  const url = browser.runtime.getURL(`${DASHBOARD}${hash}` as typeof DASHBOARD);
  return (
    <a href={url} target="_blank" rel="noopener">
      {children}
    </a>
  );
}
