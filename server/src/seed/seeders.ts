import { casesSeeder } from './cases-seeder.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { employmentSeeder } from './employment-seeder.ts';
import { enterprisesSeeder } from './enterprises-seeder.ts';
import { fundsSeeder } from './funds-seeder.ts';
import { governanceSeeder } from './governance-seeder.ts';
import { incidentsSeeder } from './incidents-seeder.ts';
import { jobLossSeeder } from './job-loss-seeder.ts';
import { jobsSeeder } from './jobs-seeder.ts';
import { monitoredIncomesSeeder } from './monitored-incomes.ts';
import { monitoringSeeder } from './monitoring-seeder.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placementsSeeder } from './placements-seeder.ts';
import { placesSeeder } from './places-seeder.ts';
import { postsSeeder, workshopStaffSeeder } from './posts-seeder.ts';
import { serviceProjectsSeeder } from './service-projects-seeder.ts';
import { servicesSeeder } from './services-seeder.ts';
import { sitesSeeder } from './sites-seeder.ts';
import type { Seeder } from './registry.ts';
import { surveysSeeder } from './surveys-seeder.ts';
import { trainingSeeder } from './training-seeder.ts';
import { volunteersSeeder } from './volunteers-seeder.ts';

/** Every seeder `anju seed` runs, in any order: each declares what it depends on. */
export const SEEDERS: Seeder[] = [
  placesSeeder,
  personsSeeder,
  demoAccountsSeeder,
  incidentsSeeder,
  governanceSeeder,
  enterprisesSeeder,
  workshopStaffSeeder,
  postsSeeder,
  monitoringSeeder,
  casesSeeder,
  monitoredIncomesSeeder,
  employmentSeeder,
  jobLossSeeder,
  jobsSeeder,
  placementsSeeder,
  servicesSeeder,
  serviceProjectsSeeder,
  trainingSeeder,
  surveysSeeder,
  volunteersSeeder,
  sitesSeeder,
  fundsSeeder,
];
