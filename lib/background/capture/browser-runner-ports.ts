import { browser } from 'wxt/browser';
import { badge } from './badge';
import { browserCapturePorts } from './browser-capture-ports';
import { forgetLastFailure } from './failure-report';
import type { RunnerPorts } from './runner-ports';

/** The extension's runner ports: the real capture ports, `action` badge, runtime messages. */
export function browserRunnerPorts(): RunnerPorts {
  return {
    capture: browserCapturePorts(),
    // The tab may be gone: badge() swallows that, the badge is a courtesy.
    badge,
    broadcast(event) {
      // Nobody may be listening (no extension page open): that is fine.
      browser.runtime.sendMessage(event).catch(() => undefined);
    },
    forgetLastFailure,
  };
}
