// Renders the Allure report in headless Chromium, opens a refuted claim and its shrunk counterexample attachment,
// checks what is shown, and saves a screenshot. Usage: node check.mjs REPORT_HTML SCREENSHOT_PNG
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [report, shot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-quic'],
});
const fail = async (msg) => { console.error('report check FAILED: ' + msg); await browser.close(); process.exit(1); };
try {
  const page = await browser.newPage({ viewport: { width: 1700, height: 1100 } });
  await page.goto(pathToFileURL(report).href + '#categories');
  const category = page.getByText('Refuted claims (counterexample found)', { exact: false }).first();
  await category.waitFor({ timeout: 20000 }).catch(() => fail('no "Refuted claims" category in the report'));
  await category.click();
  // Allure groups a category's results by their message: open the first group of a certified, shrunk counterexample
  const group = page.locator('.node__title').filter({ hasText: /REFUTED \(as the project expects\).*certified.*shrunk/ }).first();
  await group.waitFor({ timeout: 10000 }).catch(() => fail('the refuted-claims category has no certified, shrunk counterexample'));
  await group.click();
  const uid = await group.getAttribute('data-uid');
  const leaf = page.locator(`.node__leaf .node__title[data-parentuid="${uid}"]`).first();
  await leaf.waitFor({ timeout: 10000 }).catch(() => fail('the refuted-claims category is empty'));
  const claimName = (await leaf.locator('.node__name').innerText()).trim();
  await leaf.click();
  await page.getByText('REFUTED', { exact: false }).first().waitFor({ timeout: 10000 })
      .catch(() => fail('the test pane does not show the REFUTED message'));
  const attachment = page.getByText('counterexample (shrunk)', { exact: false }).first();
  await attachment.waitFor({ timeout: 10000 }).catch(() => fail('no shrunk counterexample attachment on ' + claimName));
  await attachment.scrollIntoViewIfNeeded();
  await attachment.click();
  await page.waitForTimeout(1500);
  const pane = await page.locator('body').innerText();
  if (!/REFUTED/.test(pane)) await fail('REFUTED text missing');
  await page.screenshot({ path: shot, fullPage: false });
  console.log('report check OK: ' + claimName.replace(/\s+/g, ' ') + ' -> ' + shot);
} catch (e) {
  await fail(String(e));
}
await browser.close();
