import { defineContentScript } from 'wxt/utils/define-content-script';
import { rememberPointer } from '../lib/content/pointer';
import { POST_PAGE_MATCHES } from '../lib/platforms/hosts';

/**
 * Remembers the element under the pointer when the context menu opens, on the platforms' pages
 * only, so "Capture this post" knows which post was meant (Chrome tells an extension nothing of
 * the element a menu was opened on). It sends nothing, answers nothing and never writes to the
 * page; see lib/content/pointer.ts.
 */
export default defineContentScript({
  matches: [...POST_PAGE_MATCHES],
  runAt: 'document_start',
  main() {
    rememberPointer(window);
  },
});
