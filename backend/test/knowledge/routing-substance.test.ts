/**
 * Routing by what a problem is, in the words employees use: product names written in katakana,
 * a product named alongside generic failure words, what still works ("the power is on") and when
 * it started ("since the update") left out. Each rule is checked with phrasings of our own.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { routingOnSubstance } from '../../src/agent/routing-knowledge.js';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { KnowledgeBase } from '../../src/knowledge/ports.js';
import { tokenize } from '../../src/knowledge/tokenize.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = routingOnSubstance(await createKnowledgeBase({ dir: path.resolve(here, '../../knowledge/playbooks') }));
});

describe('routing on substance', () => {
  it('reads product names written in katakana as the product, but not inside another word', () => {
    expect(tokenize('アウトルック')).toContain('outlook');
    expect(tokenize('チームズ')).toContain('team');
    expect(tokenize('パスワード')).not.toContain('word');
  });

  it.each([
    // a named product outweighs generic failure words shared with another category
    ['チームズを開くとすぐ強制終了します', 'teams'],
    ['Teams が立ち上がった直後に落ちる', 'teams'],
    ['Teams keeps shutting down on its own', 'teams'],
    ['アウトルックで不在通知が設定できません', 'email'],
    ['エクセルがライセンス認証を求めてきて編集できない', 'software'],
    ['ワンドライブが同期しない', 'storage'],
    ['パスワードを忘れました', 'account'],
    // the device or the network named, not the generic verb
    ['会議室で無線LANに接続できなくなった', 'network'],
    ['ワイファイが急に切れて、再接続もできません', 'network'],
    ['whole floor has no internet since 9, Windows says No Internet', 'network'],
    ['部署全体でインターネットが使えません', 'network'],
    ['社用iPhoneでポータルからアプリを入れようとしても進みません', 'mobile'],
    ['company iPad: the app stays pending in the Company Portal', 'mobile'],
    ['the fingerprint sensor on my laptop does not react any more', 'hardware'],
    ['指紋センサーが反応しなくなった', 'hardware'],
    // signatures, automatic replies, chat with people outside
    ['my email signature disappeared', 'email'],
    ['how do I turn on automatic replies while on holiday', 'email'],
    ['cannot message a guest from another company in Teams', 'teams'],
    ['取引先の人にTeamsでメッセージが送れません', 'teams'],
    // what still works and when it started are not the problem
    ['ノートパソコンの画面が真っ暗だけど電源ランプはついている', 'display'],
    ['laptop display went dark, the power light is still on', 'display'],
    ['ever since the latest update, Outlook will not open', 'email'],
    ['Windowsの更新後からプリンターで印刷できない', 'printer'],
  ])('routes "%s" to %s', (text, category) => {
    expect(kb.route(text)?.category).toBe(category);
  });
});
