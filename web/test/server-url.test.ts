import { describe, expect, it } from 'vitest';
import { resolveServer, socketLocation } from '../src/connection.js';

const page = { origin: 'https://intranet.example', href: 'https://intranet.example/help/index.html' };

describe('resolveServer', () => {
  it('uses the server attribute, relative to the page, without a trailing slash', () => {
    expect(resolveServer(' https://helpdesk.example/chat/ ', 'https://cdn.example', page)).toBe(
      'https://helpdesk.example/chat',
    );
    expect(resolveServer('/helpdesk/', '', page)).toBe('https://intranet.example/helpdesk');
  });

  it("falls back to the script's origin, then to the page's origin", () => {
    expect(resolveServer(undefined, 'https://cdn.example', page)).toBe('https://cdn.example');
    expect(resolveServer('  ', '', page)).toBe('https://intranet.example');
  });

  it("uses the page's origin for a value that is not a URL", () => {
    expect(resolveServer('http://[bad', '', page)).toBe('https://intranet.example');
  });
});

describe('socketLocation', () => {
  it('mounts socket.io under the path part of the server URL', () => {
    expect(socketLocation('https://host.example/helpdesk')).toEqual({
      origin: 'https://host.example',
      path: '/helpdesk/socket.io/',
    });
    expect(socketLocation('http://localhost:3000')).toEqual({ origin: 'http://localhost:3000', path: '/socket.io/' });
  });
});
