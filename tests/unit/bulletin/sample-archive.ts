import type { BulletinData } from '../../../lib/bulletin/model';
import { capture, legalCase, link, person } from '../search/synthetic';

/**
 * A small fictional archive shaped like a real monitoring bulletin (shared/examples): two
 * prosecuted persons with grounds cited — captured posts, and a shout and a gesture recorded by
 * hand — and a hacked Facebook account; an Instagram account renamed and then suspended. Every
 * name here is invented.
 */
export function sampleArchive(): BulletinData {
  const persons = [
    person('per_ak', 'Aigerim Kairatkyzy', ['Айгерим Кайраткызы']),
    {
      ...person('per_ns', 'Nurlan Sarsenov'),
      accounts: [
        { platform: 'instagram' as const, handle: 'nurlan.sarsenov', platformId: null, url: null },
      ],
    },
    {
      ...person('per_dm', 'Dana Mukhtarova'),
      accounts: [
        { platform: 'facebook' as const, handle: 'dana_mukhtarova', platformId: null, url: null },
      ],
    },
  ];
  const cases = [
    legalCase('case_ak', 'Kairatkyzy case', {
      article: 'Art. 405 Part 1 (participation in an extremist organization)',
      caseNumber: '217100031000555',
      jurisdiction: 'Astana',
      status: 'investigation',
      officials: [
        {
          name: 'B.T. Serikov',
          role: 'investigator',
          position: 'Investigative Division, Astana Police Department',
        },
      ],
      dates: [{ label: 'Criminal case opened', date: '2021-04-27' }],
      grounds: [
        {
          personId: 'per_ak',
          date: '2021-01-01',
          text: 'shouted “Go ahead!” while listening to a New Year greeting',
          source: 'the indictment',
        },
        {
          personId: null,
          date: null,
          text: 'raised her right hand in a fist, a gesture “of the organization’s leader”',
          source: '',
        },
      ],
    }),
    legalCase('case_ns', 'Sarsenov case', {
      article: 'Art. 405 Part 2',
      status: 'indictment',
      officials: [
        {
          name: 'R.A. Tokenov',
          role: 'investigator',
          position: 'police major, chief investigator',
        },
        { name: 'E.K. Baimukhanov', role: 'prosecutor', position: 'deputy prosecutor of Astana' },
      ],
      dates: [
        { label: 'Indictment approved', date: '2021-04-29' },
        { label: 'Indictment compiled', date: '2021-04-21' },
      ],
      grounds: [
        {
          personId: 'per_ns',
          date: '2021-02-28',
          text: 'attended a peaceful protest',
          source: 'the indictment',
        },
      ],
      notes: 'Detained at a peaceful protest on 28 February 2021.',
    }),
  ];
  const captures = [
    capture(1, {
      text: 'I love my country deeply; I want free elections <now> & *always*',
      author: 'aigerim_k',
      sealedAt: '2021-05-03T09:00:00.000Z',
      publishedAt: '2021-03-08T18:20:00.000Z',
    }),
    capture(2, {
      platform: 'facebook',
      text: 'Shared a post titled “Sultan of my heart”',
      author: 'aigerim_k',
      sealedAt: '2021-05-03T09:10:00.000Z',
      publishedAt: '2021-01-01T00:05:00.000Z',
    }),
    capture(3, {
      platform: 'facebook',
      text: 'Repost: everyone to the peaceful rally on Saturday',
      author: 'nurlan.sarsenov',
      sealedAt: '2021-05-04T11:00:00.000Z',
      publishedAt: '2021-02-20T07:00:00.000Z',
    }),
    capture(4, {
      platform: 'facebook',
      notice: 'Your account has been locked: we noticed unusual activity',
      noticeType: 'locked',
      author: 'dana_mukhtarova',
      sealedAt: '2021-05-05T15:30:00.000Z',
    }),
    capture(5, { text: 'outside the range', sealedAt: '2021-06-01T00:00:00.000Z' }),
    capture(7, {
      state: 'active',
      author: 'nurlan.sarsenov',
      name: 'Nurlan Sarsenov',
      sealedAt: '2021-04-30T07:00:00.000Z',
    }),
    capture(6, {
      state: 'suspended',
      author: 'nurlan.sarsenov',
      name: 'Free Nurlan',
      sealedAt: '2021-05-06T07:00:00.000Z',
    }),
  ];
  const links = [
    link(
      'l1',
      'cap_1',
      'per_ak',
      'case_ak',
      'ground',
      'Instagram status quoted by the investigator',
    ),
    link('l2', 'cap_2', 'per_ak', 'case_ak', 'ground'),
    link('l3', 'cap_3', 'per_ns', 'case_ns', 'ground'),
    link('l4', 'cap_4', 'per_dm', null, 'hack_evidence', 'Reported by her on 5 May'),
    link('l5', 'cap_5', 'per_ns', 'case_ns', 'other'),
    link('l6', 'cap_6', 'per_ns', 'case_ns', 'account_state', 'Blocked two days after the search'),
  ];
  return { persons, cases, links, captures };
}
