/** The languages the assistant speaks; a conversation has one at a time. */
export type Language = 'en' | 'ja';
