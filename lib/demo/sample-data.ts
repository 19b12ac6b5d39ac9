// FICTIONAL sample data for `dalel demo-package`, docs and tests. Every person, case, official
// and account here is invented.
import type { LegalCase } from '../model/legal-case';
import type { Person } from '../model/person';
import type { ExtractedRecord } from '../platforms/record';

export const SAMPLE_TIME = '2026-03-02T09:15:00.000Z';

export const samplePersons: Person[] = [
  {
    id: 'per_demo0001',
    name: 'Aigerim Sadykova',
    aliases: ['Айгерим Садыкова'],
    accounts: [
      {
        platform: 'instagram',
        handle: 'aigerim.s.demo',
        platformId: '4815162342',
        url: 'https://www.instagram.com/aigerim.s.demo/',
      },
      { platform: 'facebook', handle: 'aigerim.sadykova.demo', platformId: null, url: null },
    ],
    notes: 'Fictional activist used for demonstration.',
    createdAt: SAMPLE_TIME,
    updatedAt: SAMPLE_TIME,
  },
];

export const sampleCases: LegalCase[] = [
  {
    id: 'case_demo405',
    title: 'Sadykova (demo)',
    article: 'Art. 405 Part 2 (participation in the activities of a banned organization)',
    caseNumber: 'DEMO-2026-0001',
    jurisdiction: 'Almaty, Kazakhstan (fictional)',
    status: 'investigation',
    officials: [
      {
        name: 'Erlan Demo-Investigator',
        role: 'investigator',
        position: 'senior investigator (fictional)',
      },
      {
        name: 'Saule Demo-Prosecutor',
        role: 'prosecutor',
        position: 'district prosecutor (fictional)',
      },
    ],
    dates: [{ label: 'Charged', date: '2026-02-20' }],
    grounds: [
      {
        personId: null,
        date: '2026-01-14',
        text: 'Attended a peaceful gathering in support of political prisoners (fictional)',
        source: 'the indictment, as read by the lawyer',
      },
    ],
    notes: 'Fictional case for demonstration.',
    createdAt: SAMPLE_TIME,
    updatedAt: SAMPLE_TIME,
  },
];

const extractor = { name: 'demo', version: '1.0.0' };

/** The sample captures: what the page showed, before artifacts and seals are added. */
export const sampleRecords: {
  id: string;
  title: string;
  category: 'ground' | 'account_state' | 'takedown_notice';
  record: ExtractedRecord;
}[] = [
  {
    id: 'cap_demo0001',
    title: 'Post cited as grounds',
    category: 'ground',
    record: {
      platform: 'instagram',
      kind: 'post',
      url: 'https://www.instagram.com/p/DEMOpost01/',
      canonicalUrl: 'https://www.instagram.com/p/DEMOpost01/',
      post: {
        id: '3141592653589793238',
        author: { handle: 'aigerim.s.demo', name: 'Aigerim Sadykova', id: '4815162342' },
        publishedAt: '2026-01-15T18:02:00.000Z',
        text: 'Бейбіт жиынға шақырамын. I invite everyone to a peaceful gathering. #демо',
        media: [{ type: 'image', url: 'https://cdn.example.invalid/demo1.jpg' }],
        counts: { likes: 214, comments: 31, shares: null, views: null },
        hashtags: ['демо'],
        mentions: [],
        links: [],
      },
      warnings: [],
      extractor,
    },
  },
  {
    id: 'cap_demo0002',
    title: 'Account state',
    category: 'account_state',
    record: {
      platform: 'instagram',
      kind: 'account',
      url: 'https://www.instagram.com/aigerim.s.demo/',
      canonicalUrl: null,
      account: {
        handle: 'aigerim.s.demo',
        name: 'Aigerim Sadykova',
        id: '4815162342',
        bio: 'Demo account',
        avatarUrl: null,
        followers: 1520,
        following: 301,
        posts: 88,
        verified: false,
        private: false,
        state: 'active',
      },
      warnings: [],
      extractor,
    },
  },
  {
    id: 'cap_demo0003',
    title: 'Takedown notice',
    category: 'takedown_notice',
    record: {
      platform: 'facebook',
      kind: 'notice',
      url: 'https://www.facebook.com/aigerim.sadykova.demo/posts/9007199254740993',
      canonicalUrl: null,
      notice: {
        type: 'withheld',
        message: 'This content isn’t available in your country.',
        countries: ['KZ'],
        language: 'en',
      },
      warnings: ['demo: notice text typed by hand'],
      extractor,
    },
  },
];
