import type { SitePage } from '../../tests/e2e/support/site';

/**
 * A page exactly ten screens tall in any window (1000vh, no margins), with bands that make a bad
 * stitch visible: the page of the capture-speed goals (ten screens sealed in ≤ 1.5 s in Firefox;
 * Chrome within 0.3 s of its rate-limit floor, 0.5 s per extra screen).
 */
export const TEN_SCREENS: SitePage = {
  label: 'Ten screens (bench)',
  url: 'https://news.example.kz/bench/ten-screens',
  html: `<!doctype html><meta charset="utf-8"><title>Ten screens</title>
<style>html,body{margin:0}div{height:100vh;font:40px sans-serif;padding:0;box-sizing:border-box}
div:nth-child(odd){background:#dde}div:nth-child(even){background:#edd}</style>
<body>${Array.from({ length: 10 }, (_, i) => `<div>Screen ${i + 1} of 10</div>`).join('')}</body>`,
};
