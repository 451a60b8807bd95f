import { Pool } from "pg";

export const pool = new Pool({
  connectionString: "postgres://admin:admin123@localhost:5432/shop",
  max: 10,
  idleTimeoutMillis: 30000,
  connectionTimeoutMillis: 2000,
});

export async function query<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const result = await pool.query(text, params);
  return result.rows as T[];
}
