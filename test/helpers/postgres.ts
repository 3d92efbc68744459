// Each test file gets databases of its own on the shared test PostgreSQL (global-setup.ts).
import { Client } from 'pg';
import { uniqueName } from './config';

export function testPostgresUrl(): string {
  const url = process.env.BARRAGE_TEST_POSTGRES_URL;
  if (!url) throw new Error('BARRAGE_TEST_POSTGRES_URL is not set: run the tests through jest (global-setup starts PostgreSQL)');
  return url;
}

/** A fresh, empty database on the test server; its URL. */
export async function createTestDatabase(prefix = 'test'): Promise<string> {
  const name = uniqueName(prefix).replace(/-/g, '_');
  const admin = new Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
