import { RecordBuilder } from './builder';
import { canonicalUrl, cleanText, titleOf, visibleText } from './dom';
import type { Extractor } from './extractor';
import { facebookRoute } from './facebook-ids';
import { extractFacebookFeed, extractFacebookStory, facebookPostAt } from './facebook-feed';
import { extractFacebookJson } from './facebook-json';
import { extractFacebookPost } from './facebook-post';
import { extractFacebookProfile } from './facebook-profile';
import { extractLoginActivity } from './login-activity';
import { classifyDocument, detectLanguage } from './notices';
import type { ExtractedRecord } from './record';

/**
 * Facebook: post, photo, video, page, profile, group post, shared post (original author and
 * link), "content isn't available", checkpoint / locked / hacked-account screens, and "Where
 * you're logged in" / Accounts Center login activity. Selectors: facebook-selectors.ts.
 */
const INFO = { name: 'facebook', version: '1.0.0' };

function extract(doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('facebook', INFO, url);
  const route = facebookRoute(url);
  const handlers: Record<typeof route.page, () => ExtractedRecord> = {
    post: () => extractFacebookPost(doc, url, b, route as Extract<typeof route, { page: 'post' }>),
    profile: () =>
      extractFacebookProfile(doc, url, b, route as Extract<typeof route, { page: 'profile' }>),
    login_activity: () => extractLoginActivity(doc, b),
    checkpoint: () => checkpoint(doc, b),
    other: () => {
      const feed = extractFacebookFeed(doc, b, INFO);
      if (feed) return feed;
      const notice = classifyDocument(doc);
      if (notice) b.note('notice', 'dom');
      else b.warn('page: not a post, page, profile, checkpoint or login-activity page');
      return b.finish({
        kind: notice ? 'notice' : 'page',
        canonicalUrl: canonicalUrl(doc),
        title: titleOf(doc),
        notice,
      });
    },
  };
  return handlers[route.page]();
}

/**
 * A /checkpoint/ screen is a checkpoint by its address; its wording says whether the account is
 * locked, suspected hacked or asked to confirm identity, so the classifier decides the type.
 */
function checkpoint(doc: Document, b: RecordBuilder): ExtractedRecord {
  let notice = classifyDocument(doc);
  if (notice) b.note('notice', 'dom');
  else {
    const heading = doc.querySelector('h1, h2, [role="heading"]');
    const message = cleanText(visibleText(heading)) ?? cleanText(titleOf(doc));
    if (message) {
      notice = { type: 'checkpoint', message, language: detectLanguage(message) };
      b.note('notice', 'url');
      b.warn('notice.type: wording not recognised; typed from the /checkpoint/ address');
    } else b.warn('notice: checkpoint page shows no message');
  }
  return b.finish({ kind: 'notice', canonicalUrl: canonicalUrl(doc), title: titleOf(doc), notice });
}

export const facebookExtractor: Extractor = {
  platform: 'facebook',
  version: INFO.version,
  matches: (url) => /(^|\.)(facebook\.com|fb\.com|fb\.watch)$/i.test(url.hostname),
  extract,
  extractJson: (data, url) => extractFacebookJson(data, url, INFO),
  postAt: facebookPostAt,
  extractPost: (container, doc, url) => extractFacebookStory(container, doc, url, INFO),
};
