// Recreates the PostgreSQL database the test run uses; exits 1 when the server is not reachable.
import pg from 'pg';

const url = new URL(process.argv[2]);
const name = url.pathname.slice(1);
if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
  console.error(`unsafe test database name: ${name}`);
  process.exit(1);
}
const admin = new pg.Client({
  connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
});
try {
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  console.log(`-- PostgreSQL test database ${name} recreated`);
} catch (err) {
  console.error(`-- PostgreSQL: ${err.message}`);
  process.exitCode = 1;
} finally {
  await admin.end().catch(() => {});
}
