import type { Extractor } from './extractor';
import { extractInstagramFeedPost, instagramPostAt } from './instagram-feed';
import { instagramRoute } from './instagram-ids';
import { extractInstagramPost, extractInstagramStory } from './instagram-post';
import { extractInstagramProfile } from './instagram-profile';
import { extractLoginActivity } from './login-activity';
import type { ExtractedRecord } from './record';
import { RecordBuilder } from './builder';
import { classifyDocument } from './notices';

/** Instagram extractor; its selectors, with where and when they were last seen, are in instagram-selectors.ts. */

const INFO = { name: 'instagram', version: '1.0.0' };

function extract(doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('instagram', INFO, url);
  const route = instagramRoute(url);
  const handlers: Record<typeof route.page, () => ExtractedRecord> = {
    post: () => extractInstagramPost(doc, url, b, route.page === 'post' ? route : null),
    story: () => extractInstagramStory(doc, url, b, route.page === 'story' ? route : null),
    profile: () =>
      extractInstagramProfile(doc, url, b, route.page === 'profile' ? route.handle : ''),
    login_activity: () => extractLoginActivity(doc, b),
    other: () => {
      const notice = classifyDocument(doc);
      if (!notice) b.warn('page: not a post, story, profile or login-activity page');
      return b.finish({ kind: notice ? 'notice' : 'page', canonicalUrl: null, notice });
    },
  };
  return handlers[route.page]();
}

export const instagramExtractor: Extractor = {
  platform: 'instagram',
  version: INFO.version,
  matches: (url) => /(^|\.)instagram\.com$/i.test(url.hostname),
  extract,
  postAt: instagramPostAt,
  extractPost: (article, doc, url) => extractInstagramFeedPost(article, doc, url, INFO),
};
