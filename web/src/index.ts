/**
 * The widget bundle's entry: `<script src="https://host/helpdesk-chat.js"></script>` on any page
 * defines `<helpdesk-chat>`. The script's own origin is the default server, and can only be read
 * now, while the script is running (`document.currentScript` is null afterwards and in modules).
 */
import { HelpdeskChatElement } from './chat-element.js';

const TAG_NAME = 'helpdesk-chat';

function scriptOrigin(): string {
  const script = document.currentScript;
  if (script instanceof HTMLScriptElement && script.src) {
    try {
      return new URL(script.src).origin;
    } catch {
      // fall through to the page's origin
    }
  }
  return location.origin;
}

HelpdeskChatElement.defaultServer = scriptOrigin();
if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, HelpdeskChatElement);
