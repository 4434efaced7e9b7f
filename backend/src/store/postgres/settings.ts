/** Shared settings in Postgres (desk/ports.ts): the first value stored under a name stays. */
import type { SharedSettings } from '../../desk/ports.js';
import type { PostgresPool } from './database.js';

export function createPostgresSettings(pool: PostgresPool): SharedSettings {
  return {
    async keepFirst(name, value) {
      await pool.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
        name,
        value,
      ]);
      // A second statement, so that it sees the row of a replica that won the race meanwhile.
      const { rows } = await pool.query<{ value: string }>('SELECT value FROM settings WHERE name = $1', [name]);
      const stored = rows[0]?.value;
      if (stored === undefined) throw new Error(`setting ${name} was not stored`);
      return stored;
    },
  };
}
