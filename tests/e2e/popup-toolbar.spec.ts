import { expect, test } from '@playwright/test';
import { sendFrom } from './support/fixtures';
import { launchWithExtension, type Launched } from './support/launch';
import { closeToolbarPopups, layoutProblems, openToolbarPopup } from './support/toolbar-popup';
import { seriousViolations } from './ui/axe';
import { msg, msgCount } from './ui/catalog';
import { LANGS, SCREENS } from './ui/screens';
import { tabIdOf } from './support/capture';

test.use({ actionTimeout: 20_000 });

// The real toolbar popup (opened by pressing the toolbar button, reached over the DevTools
// port), at the size Chrome gives it, in every language: nothing cut off or sticking out, and a
// capture made while the popup was closed is shown and tagged there.

const pageFor = (lang: string, n: number) => ({
  label: `Instagram post for the popup test (${lang} ${n})`,
  url: `https://www.instagram.com/p/DalelPopup${lang}${n}/`,
  handmade: 'site/instagram-post.html',
});

let launched: Launched;
test.beforeAll(async () => {
  launched = await launchWithExtension({
    devtoolsPort: true,
    extraPages: LANGS.flatMap((lang) => [pageFor(lang, 1), pageFor(lang, 2)]),
  });
});
test.afterEach(() => closeToolbarPopups());
test.afterAll(async () => launched?.context.close());

async function extensionPage() {
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/dashboard.html`);
  return page;
}

async function expectFits(popup: import('@playwright/test').Page, what: string) {
  const width = await popup.evaluate(() => window.innerWidth);
  expect(width, `${what}: the popup's width`).toBeGreaterThanOrEqual(360);
  expect(await layoutProblems(popup), what).toEqual([]);
}

for (const lang of LANGS) {
  test(`the toolbar popup fits and shows what it should, in ${lang}`, async () => {
    test.setTimeout(120_000);
    const dash = await extensionPage();
    await sendFrom(dash, { type: 'settings.set', patch: { language: lang } });

    // 1. A fresh page: the capture button, whole.
    const site = await launched.context.newPage();
    await site.goto(pageFor(lang, 1).url);
    let { popup, close } = await openToolbarPopup(launched, site);
    const capture = popup.getByRole('button', { name: msg(lang, 'captureButton') });
    await expect(capture).toBeVisible();
    await expect(capture).toHaveText(msg(lang, 'captureButton'));
    await expectFits(popup, `idle popup in ${lang}`);
    expect(await seriousViolations(popup), `axe on the popup in ${lang}`).toEqual([]);
    await popup.screenshot({ path: `${SCREENS}/popup-toolbar-idle-${lang}.png` });

    // 2. Capture from the real popup: sealed, tag form, all inside.
    await capture.click();
    await expect(popup.getByTestId('sealed').getByTestId('short-hash')).toHaveText(
      /^[0-9a-f]{12}$/,
      { timeout: 60_000 },
    );
    await expect(popup.getByRole('combobox', { name: msg(lang, 'tagPersons') })).toBeFocused();
    await expectFits(popup, `sealed popup in ${lang}`);
    await popup.screenshot({ path: `${SCREENS}/popup-toolbar-sealed-${lang}.png` });

    // The inline new-case form takes the case number and the investigator, and fits too.
    await popup.getByRole('combobox', { name: msg(lang, 'tagCase') }).fill('Test case');
    await popup.keyboard.press('Enter');
    await expect(popup.getByLabel(msg(lang, 'caseNumber'))).toBeVisible();
    await expect(popup.getByLabel(msg(lang, 'caseInvestigator'))).toBeVisible();
    await expectFits(popup, `new case form in ${lang}`);
    await popup.screenshot({ path: `${SCREENS}/popup-toolbar-new-case-${lang}.png` });
    await close();

    // 3. A capture made while the popup was closed (as by Alt+Shift+S or the context menu:
    //    the same runner), of another page: the popup shows it and offers tagging, not a
    //    second capture.
    const other = await launched.context.newPage();
    await other.goto(pageFor(lang, 2).url);
    await (await openToolbarPopup(launched, other)).close(); // the gesture (activeTab)
    await other.bringToFront();
    const tabId = await tabIdOf(dash, other);
    const made = await sendFrom(dash, { type: 'capture.run', tabId });
    expect(made.ok, JSON.stringify(made.error)).toBe(true);
    await other.bringToFront();
    ({ popup, close } = await openToolbarPopup(launched, other));
    await expect(popup.getByTestId('sealed').getByTestId('short-hash')).toHaveText(
      made.data.seal.slice(7, 19),
    );
    await expect(popup.getByRole('button', { name: msg(lang, 'captureButton') })).toHaveCount(0);
    // The first page's capture is still untagged: it is listed, and can be tagged here.
    const untagged = popup.getByTestId('untagged');
    await expect(untagged.getByRole('heading')).toHaveText(msgCount(lang, 'untaggedHeading', 1));
    await expectFits(popup, `popup with an untagged capture in ${lang}`);
    await popup.screenshot({ path: `${SCREENS}/popup-toolbar-untagged-${lang}.png` });

    // Tag this one to a new person, then one with the same name is offered as existing.
    const persons = popup.getByRole('combobox', { name: msg(lang, 'tagPersons') }).first();
    await persons.fill(`Aliya Nurpeisova ${lang}`);
    await popup.keyboard.press('Enter');
    await expect(popup.getByTestId('chosen-persons')).toContainText(`Aliya Nurpeisova ${lang}`);
    await popup
      .getByRole('button', { name: msg(lang, 'tagSave') })
      .first()
      .click();
    await expect(popup.getByTestId('tagged')).toContainText(`Aliya Nurpeisova ${lang}`);
    await expect(popup.getByTestId('tags-line')).toContainText(`Aliya Nurpeisova ${lang}`);

    await untagged.getByRole('button', { name: msg(lang, 'untaggedTag') }).click();
    const second = untagged.getByRole('combobox', { name: msg(lang, 'tagPersons') });
    await expect(second).toBeFocused();
    await second.fill(`aliya  NURPEISOVA ${lang}`);
    await popup.keyboard.press('Enter');
    const duplicate = popup.getByTestId('duplicate-person');
    await expect(duplicate).toContainText(`Aliya Nurpeisova ${lang}`);
    await expectFits(popup, `duplicate warning in ${lang}`);
    await popup.screenshot({ path: `${SCREENS}/popup-toolbar-duplicate-${lang}.png` });
    await duplicate
      .getByRole('button', { name: msg(lang, 'duplicateUse', `Aliya Nurpeisova ${lang}`) })
      .click();
    await untagged.getByRole('button', { name: msg(lang, 'tagSave') }).click();
    await expect(untagged).toHaveCount(0);
    const persons2 = await sendFrom(dash, { type: 'person.list' });
    expect(
      persons2.data.filter((p: { name: string }) => p.name.endsWith(lang)),
      'one person, not two',
    ).toHaveLength(1);
    await close();
  });
}
