import { describe, expect, it } from 'vitest';
import { adfToText } from '../../src/jira-events/adf-to-text.js';
import { commentBodyToText } from '../../src/jira-events/jira-payloads.js';
import { wikiToText } from '../../src/jira-events/wiki-to-text.js';
import { loadFixture } from './fixtures.js';

describe('wiki markup to text', () => {
  it('turns the captured Cloud comment into readable text', () => {
    const text = commentBodyToText(loadFixture('comment-created-wiki')['comment']['body']);
    expect(text).toBe(
      [
        'Next steps',
        'Hi @user, I reset your Teams cache remotely.',
        '1. Quit Teams',
        '2. Open %appdata%\\Microsoft\\Teams and delete the Cache folder',
        '',
        'If it still fails, send the log:',
        'Get-Content $env:APPDATA\\Microsoft\\Teams\\logs.txt -Tail 20',
        '',
        'See the known issue (https://status.example.com/teams/4711).',
      ].join('\n'),
    );
  });

  it('keeps code verbatim and drops colour, quote and panel macros', () => {
    const text = wikiToText(
      '{color:red}*Important*{color}\n{quote}Was it _this_?{quote}\n{noformat}\n*not bold* [x|y]\n{noformat}',
    );
    expect(text).toBe('Important\n> Was it this?\n\n*not bold* [x|y]');
  });

  it('renders bullets, nested lists, mentions by name, links without labels and line breaks', () => {
    expect(wikiToText('* one\n** two\n- three\n[~jdoe] see [https://x.example/a]\\\\next line')).toBe(
      '• one\n  • two\n• three\n@jdoe see https://x.example/a\nnext line',
    );
  });

  it('leaves ordinary punctuation alone', () => {
    expect(wikiToText('re-install v2 - then 3*4 = 12 and snake_case_name')).toBe(
      're-install v2 - then 3*4 = 12 and snake_case_name',
    );
  });
});

describe('ADF to text', () => {
  it('turns the captured ADF comment into readable text', () => {
    expect(adfToText(loadFixture('comment-created-adf')['comment']['body'])).toBe(
      [
        'Thanks @Aiko Tanaka, the error 0x80070005 means access denied.',
        'Please try these:',
        '',
        '• Sign out of Teams',
        '• Follow this guide (https://intranet.example.com/kb/teams-reset)',
        '',
        'ipconfig /flushdns',
        '',
        'https://acme.atlassian.net/browse/IT-7',
      ].join('\n'),
    );
  });

  it('numbers ordered lists from their start and survives unknown nodes', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'orderedList',
          attrs: { order: 3 },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'four' }] }] },
          ],
        },
        { type: 'panel', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'inside a panel' }] }] },
      ],
    };
    expect(adfToText(doc)).toBe('3. three\n4. four\n\ninside a panel');
  });
});
