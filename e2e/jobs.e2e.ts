import { expect } from 'vitest';
import {
  DESKTOP,
  PHONE,
  dialogReady,
  horizontalOverflow,
  journey,
  openMenu,
  saveDialog,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

/** The job this file's journeys post, apply for and fill, new in every run. */
const title = `e2e缝纫工${Date.now().toString(36)}`;

journey("an enterprise's staff posts a job for their enterprise on a desktop", DESKTOP, async (page) => {
  await signIn(page, 'enterprise_hr');
  await page.getByTestId('menu-myJobs').click();
  await page.waitForURL('**/jobs/mine');
  await page.getByTestId('job-add').click();
  await dialogReady(page);
  await page.getByTestId('job-title').fill(title);
  await page.getByTestId('job-wage-min').fill('3000');
  await page.getByTestId('job-wage-max').fill('4500');
  await page.getByTestId('job-headcount').fill('3');
  await saveDialog(page, { closes: true });
  await page.getByTestId('job-link').filter({ hasText: title }).waitFor();
});

journey('a resident finds the job on a phone, applies and follows the application', PHONE, async (page) => {
  await signIn(page, 'resident');
  await openMenu(page);
  await page.getByTestId('menu-jobBoard').click();
  await page.waitForURL('**/job-board');
  const card = page.getByTestId('board-job').filter({ hasText: title });
  await card.waitFor();
  expect(await card.getByTestId('match-parts').innerText()).toContain('同社区');
  expect(await horizontalOverflow(page)).toBe(0);
  await card.getByTestId('board-apply').click();
  await dialogReady(page);
  expect(await page.getByTestId('apply-show-phone').isChecked()).toBe(false);
  await saveDialog(page, { closes: true });
  const mine = page.getByTestId('my-application').filter({ hasText: title });
  await expect.poll(() => mine.getByTestId('my-application-status').innerText()).toBe('已报名');
  expect(await horizontalOverflow(page)).toBe(0);
  await page.screenshot({ path: 'e2e/artifacts/jobs-board-phone.png', fullPage: true });
});

journey(
  'the employer sees the applicant with the phone masked, schedules an interview and hires',
  DESKTOP,
  async (page) => {
    await signIn(page, 'enterprise_hr');
    await page.goto('/jobs/mine');
    await page.getByTestId('job-link').filter({ hasText: title }).click();
    await page.waitForURL(/\/jobs\/mine\/\d+$/);
    const row = page.locator('[data-testid="applicant-list"] tbody tr.ant-table-row').first();
    await row.waitFor();
    expect(await row.getByTestId('applicant-phone').innerText()).toMatch(/^(\d{3}\*{4}\d{4}|—)$/);
    expect(await page.getByText('推荐人选').count()).toBe(0);

    await row.getByTestId('applicant-interview').click();
    await dialogReady(page);
    await saveDialog(page, { closes: true });
    await expect.poll(() => row.getByTestId('applicant-status').innerText()).toBe('待面试');

    await row.getByTestId('applicant-hire').click();
    await dialogReady(page);
    await page.getByTestId('step-wage').fill('3600');
    await saveDialog(page, { closes: true });
    await expect.poll(() => row.getByTestId('applicant-status').innerText()).toBe('已录用');
    expect(await row.innerText()).toContain('未到期');
  },
);

journey("the hire shows as the person's employment record in their household", DESKTOP, async (page) => {
  await signIn(page, 'community_staff');
  const get = async <T>(url: string) => (await (await page.request.get(url)).json()) as T;
  const jobs = await get<{ items: { id: string; enterpriseName: string }[] }>(
    `/api/jobs?q=${encodeURIComponent(title)}`,
  );
  const [job] = jobs.items;
  const [application] = await get<{ personId: string; recordId: string | null; status: string }[]>(
    `/api/jobs/${job.id}/applications`,
  );
  expect(application).toMatchObject({ status: 'hired' });
  expect(application.recordId).not.toBeNull();
  const person = await get<{ householdId: string }>(`/api/persons/${application.personId}`);
  await page.goto(`/registry/households/${person.householdId}`);
  await page.getByRole('tab', { name: '就业' }).click();
  await page.getByText(job.enterpriseName).first().waitFor();
  // the household's other people of the labour force who hold no job see their best jobs, score by part
  await page.getByRole('tab', { name: '岗位匹配' }).click();
  await page.getByTestId('person-jobs').first().or(page.getByText('本户没有待就业的劳动力')).waitFor();
});

journey(
  'community staff rank the unemployed labour for the job, each score by its parts, and recommend one',
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto(`/jobs?q=${encodeURIComponent(title)}`);
    await page.getByTestId('job-link').filter({ hasText: title }).click();
    await page.waitForURL(/\/jobs\/\d+$/);
    await page.getByRole('tab', { name: '推荐人选' }).click();
    const row = page
      .locator('[data-testid="candidate-list"] tbody tr.ant-table-row')
      .filter({ has: page.getByTestId('candidate-recommend') })
      .first();
    await row.waitFor();
    expect(await row.getByTestId('match-parts').innerText()).toMatch(/匹配分 \d+/);
    const name = (await row.locator('td').first().innerText()).trim();
    await row.getByTestId('candidate-recommend').click();
    const recommended = page
      .locator('[data-testid="candidate-list"] tbody tr.ant-table-row')
      .filter({ hasText: name })
      .filter({ hasText: '待本人同意' });
    await recommended.first().waitFor();
    await page.screenshot({ path: 'e2e/artifacts/jobs-candidates-desktop.png' });
  },
);
