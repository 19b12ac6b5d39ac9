// Runs bundled lib/ code in a plain secure-context page of Debian's Chromium: the module is built
// with vite (lib mode, IIFE) into the bench's temp dir and served from http://127.0.0.1, which is
// a secure context (WebCrypto available) and, unlike an extension page, has no CSP against the
// script. The browser binary, V8 and BoringSSL are the ones the extension runs on.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM } from '../../tests/e2e/support/launch';

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  /** The profile directory (for browserPid). */
  profileDir: string;
  close(): Promise<void>;
}

/** Bundles `entry` (a browser module that sets globals) into `dir`/page.js. */
async function bundle(entry: string, dir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: 'DalelBenchPage', fileName: () => 'page.js' },
    },
  });
  return join(dir, 'page.js');
}

function serve(script: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/page.js') {
      void readFile(script).then((body) => {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(body);
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/page.js"></script>',
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

/**
 * Bundles `entry`, serves it and opens it in a fresh Chromium profile under `dir`. `gc()` is
 * exposed in the page so memory is measured from a collected heap. Close it in a finally.
 */
export async function openBenchPage(entry: string, dir: string): Promise<BenchPage> {
  const script = await bundle(entry, dir);
  const { server, url } = await serve(script);
  const profileDir = join(dir, 'profile');
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--js-flags=--expose-gc', '--disable-gpu', '--no-first-run', '--disable-sync'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForFunction(() => 'dalelBench' in globalThis);
    const opened = context;
    return {
      context: opened,
      page,
      profileDir,
      close: async () => {
        await opened.close();
        server.close();
      },
    };
  } catch (error) {
    await context?.close();
    server.close();
    throw error;
  }
}
