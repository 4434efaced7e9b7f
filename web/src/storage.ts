/**
 * What the widget remembers in localStorage, one record per server: the employee's identity (open
 * mode) and the session token that resumes their conversation after a reload. Storage can be
 * missing or throw (private windows, blocked cookies); the widget then remembers in memory only.
 */

export interface Identity {
  name: string;
  email: string;
}

export interface WidgetStore {
  loadIdentity(): Identity | undefined;
  saveIdentity(identity: Identity): void;
  /** `identityKey` separates two people who use the same browser against the same server. */
  loadSessionToken(identityKey: string): string | undefined;
  saveSessionToken(identityKey: string, sessionToken: string): void;
  clearSessionToken(identityKey: string): void;
}

interface StoredRecord {
  identity?: Identity;
  sessions: Record<string, string>;
}

const KEY_PREFIX = 'helpdesk-chat:v1:';

export function createWidgetStore(server: string, storage: Storage | undefined = browserStorage()): WidgetStore {
  const key = KEY_PREFIX + server;
  let memory: StoredRecord = { sessions: {} };

  const read = (): StoredRecord => {
    try {
      const raw = storage?.getItem(key);
      if (raw) memory = parseRecord(JSON.parse(raw) as unknown);
    } catch {
      // Unreadable or corrupt: keep what we have in memory.
    }
    return memory;
  };
  const write = (record: StoredRecord): void => {
    memory = record;
    try {
      storage?.setItem(key, JSON.stringify(record));
    } catch {
      // Quota or privacy mode: memory only.
    }
  };

  return {
    loadIdentity: () => read().identity,
    saveIdentity: (identity) => write({ ...read(), identity: { name: identity.name, email: identity.email } }),
    loadSessionToken: (identityKey) => read().sessions[identityKey],
    saveSessionToken: (identityKey, sessionToken) => {
      const record = read();
      write({ ...record, sessions: { ...record.sessions, [identityKey]: sessionToken } });
    },
    clearSessionToken: (identityKey) => {
      const record = read();
      const sessions = { ...record.sessions };
      delete sessions[identityKey];
      write({ ...record, sessions });
    },
  };
}

function parseRecord(value: unknown): StoredRecord {
  const record: StoredRecord = { sessions: {} };
  if (!isObject(value)) return record;
  const identity = value['identity'];
  if (isObject(identity) && typeof identity['name'] === 'string' && typeof identity['email'] === 'string') {
    record.identity = { name: identity['name'], email: identity['email'] };
  }
  const sessions = value['sessions'];
  if (isObject(sessions)) {
    for (const [k, v] of Object.entries(sessions)) if (typeof v === 'string') record.sessions[k] = v;
  }
  return record;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
